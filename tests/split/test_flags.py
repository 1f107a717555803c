"""flags: lines an editor should see, and why."""

from __future__ import annotations

import pytest

from sitegen.split import flags
from sitegen.split.flags import (
    ALT_TEXT,
    CAPTION,
    EDITORS_NOTE,
    MEDIA,
    MEDIA_HEADLINE,
    PEOPLE_CAPTION,
    flag_blocks,
    flag_reason,
    other_language,
)
from tests.split_support import corpus_lines


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("El gobierno anunció que las nuevas reglas entrarán en vigor el próximo año para todas las empresas.", "Spanish"),
        ("Le gouvernement a annoncé que les nouvelles règles entreront en vigueur dans un an pour toutes les entreprises.", "French"),
        ("Die Regierung hat angekündigt, dass die neuen Regeln im nächsten Jahr in Kraft treten werden.", "German"),
        ("Pemerintah mengumumkan bahwa aturan baru itu akan berlaku untuk semua perusahaan yang ada di negara ini.", "Indonesian"),
        ("O governo anunciou que as novas regras entram em vigor no próximo ano para todas as empresas do país.", "Portuguese"),
        ("政府宣布新规定将于明年对所有公司生效，并要求企业保护用户的数据。", "Chinese"),
        ("政府は新しい規則が来年からすべての企業に適用されると発表しました。", "Japanese"),
        ("Правительство объявило, что новые правила вступят в силу в следующем году.", "Cyrillic script"),
        ("أعلنت الحكومة أن القواعد الجديدة ستدخل حيز التنفيذ العام المقبل.", "Arabic"),
        ("정부는 새로운 규칙이 내년부터 모든 기업에 적용된다고 발표했습니다.", "Korean"),
    ],
)
def test_other_languages(line, language):
    assert other_language(line) == language


@pytest.mark.parametrize(
    "line",
    [
        "The company said it had deleted the data and apologised to the users whose messages were exposed.",
        "The spokesman, Guo Jiakun (郭嘉昆), said the rules would protect users.",
        "On a quiet lane in Taipei’s central Daan District (大安), an otherwise unremarkable high-rise stands.",
        "Da Nang is a city in Vietnam, and La Paz is a city in Bolivia.",
        "Short line.",
        "Emmanuel Macron said the summit de facto ended the debate on a la carte rules for the bloc.",
    ],
)
def test_english_lines(line):
    assert other_language(line) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Readers in a hurry may wish to put this article aside for later. It is an important long-form exploration, not a quick read. – Editors", EDITORS_NOTE),
        ("Editor’s note: this article was corrected on March 3.", EDITORS_NOTE),
        ("Update (March 4): The minister has since resigned.", EDITORS_NOTE),
        ("Poor old Iruda Image: Scatter Lab", CAPTION),
        ("A more recent type of Iruda is displayed below. Image: Scatter Lab", CAPTION),
        ("Liang Wenfeng, founder of DeepSeek. Photo: CCTV,", CAPTION),
        ("Source: US Bureau of Economic Analysis ( 2025 ) Author provided", CAPTION),
        ("‘ We may be sending some guests your way ‘: Donald Trump greets Jordan’s King Abdullah. Image: The Conversation", CAPTION),
        ("Protesters outside the parliament. (Photo by Kim Lee/Getty Images)", CAPTION),
        ("YouTube video", MEDIA),
        ("]embedded articles]", MEDIA),
        ("table showing Canada and Mexico as biggest importers into US", MEDIA),
        (("Sang Han, partner for East Ventures South Korea fund, Roderick Purwana, managing partner at East Ventures, "
         "Wonho Hong, CEO at SV Investment, David Junghun Bang, managing partner at SV Investment"), PEOPLE_CAPTION),
    ],
)
def test_flag_reasons(line, reason):
    assert flag_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The tech company that founded Iruda, Scatter Lab, had already created well-known apps.",
        "Trump’s proposed steel tariffs have the potential to destroy the USMCA.",
        "Source material for the report came from three ministries, the authors said.",
        "The editors of the paper disagreed, and said so in a long letter to the owners that was published on Monday.",
        "Tables of US business",
        "Chart of the week: where tries start",  # a regular feature's headline, not a chart left out
        "Photo of the day",
        "Sang Han, Roderick Purwana and Wonho Hong signed the deal on Monday.",
    ],
)
def test_text_is_not_flagged(line):
    assert flag_reason(line) is None


def test_alt_text_sits_right_above_a_caption():
    texts = ["Three people hold hands on stage.", "China’s foreign minister Wang Yi, center. Photo: AP via The Conversation / Andy Wong"]
    assert flag_blocks(texts, [False, True]) == [ALT_TEXT, CAPTION]
    assert flag_blocks(texts, [False, False]) == [None, CAPTION]  # a blank line between: two paragraphs


def test_alt_text_alone_in_brackets_but_not_a_paragraph_after_it():
    assert flags.alt_text("[thumbnail: A crowd of people at a community meeting under a tree]")
    assert not flags.alt_text("[Image: A diver releases lumpfish into a pen] Farms that stocked lumpfish reported lower counts.")
    assert flags.alt_text("![](/media/2025/03/mhr-upload.jpg)")  # a Markdown image alone on its line
    assert flags.alt_text("[![Image 2: DJ Kalani at a night market](https://example.org/k.jpg)](https://example.org/k)")
    assert not flags.alt_text("![chart](/c.png) shows the rise since 2019")


def test_a_headline_after_embedded_media():
    texts = ["YouTube video", "]embedded articles]", "Trump makes his ideas for tariffs known on “everyone.”",
             "Trump’s proposed steel tariffs have the potential to destroy the USMCA."]
    assert flag_blocks(texts, [False] * 4) == [MEDIA, MEDIA, MEDIA_HEADLINE, None]


def test_a_sentence_about_a_photo_is_not_embedded_media():
    assert flag_reason("Photo of a harbour at dawn") == MEDIA
    assert flag_reason("Photo of flooded airport runway is from 2019, not this week's storms") is None


def _reason_as_first_written(line: str) -> str | None:
    if len(line) < 400 and flags._editors_note(line):
        return EDITORS_NOTE
    if len(line) < 300 and flags._caption(line):
        return CAPTION
    if flags._media(line):
        return MEDIA
    language = other_language(line)
    if language:
        return f"Line in {language}, not the article's language: likely a machine-rewriting artifact."
    return PEOPLE_CAPTION if flags._people_caption(line) else None


def test_a_lines_reason_reads_the_caption_test_of_its_role_as_each_test_alone_would():
    assert [line for line in corpus_lines() if flag_reason(line) != _reason_as_first_written(line)] == []


@pytest.mark.parametrize("line", ["Image source, The Caledonian Herald", "Image caption, The Daily Saltire says a deal is close",
                                  "Media caption, The minister spoke to reporters on Friday"])
def test_a_screen_readers_labels_of_an_image_are_captions(line):
    assert flags.is_caption(line)
