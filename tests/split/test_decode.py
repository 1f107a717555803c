from sitegen.split import decode_dump, split_text


def test_bom_is_dropped_and_crlf_normalised():
    text, problems = decode_dump(b"\xef\xbb\xbfTitle\r\n\r\nBody.\r\n", "d.txt")
    assert text == "Title\n\nBody.\n" and problems == []


def test_invalid_utf8_is_replaced_with_a_warning_naming_the_byte():
    text, problems = decode_dump(b"Good line\nBad \xff byte\n", "d.txt")
    assert "Bad \ufffd byte" in text
    assert [str(p) for p in problems] == ["d.txt:2: warning: invalid UTF-8 at byte 14 replaced with \ufffd"]


def test_binary_file_is_an_error():
    _, problems = decode_dump(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt")
    assert problems[0].severity == "error" and "not a text file" in problems[0].message


def test_empty_file_is_a_warning_and_no_articles():
    text, problems = decode_dump(b"  \n\n", "empty.txt")
    assert problems[0].severity == "warning"
    assert split_text(text, "empty.txt").articles == ()


def test_dump_without_separators_is_one_article():
    text = "Plain title\n\nFirst paragraph of the only article in this dump, which has no separators.\n\nSecond paragraph, which ends it.\n"
    result = split_text(text, "one.txt")
    assert [a.title for a in result.articles] == ["Plain title"]
    assert result.articles[0].source.lines == (1, 5)


def test_large_dump_splits_every_article():
    article = (
        "Title number {n} – Asia Times\n\n"
        + "A paragraph of ordinary news text that goes on for a while and then ends properly. " * 6
        + "\n\nThis article is republished from The Conversation under a Creative Commons license.\n\nContinue Reading\n\n"
    )
    dump = "".join(article.format(n=n) for n in range(3000))  # about 2 MB
    result = split_text(dump, "big.txt")
    assert len(result.articles) == 3000
    assert result.articles[-1].title == "Title number 2999"


def test_streaming_decode_gives_the_same_lines_and_warnings():
    import io

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from sitegen.split import decode_lines

    @settings(max_examples=200, deadline=None)
    @given(st.binary(max_size=300).filter(lambda b: b"\x00" not in b))
    def same(data):
        text, problems = decode_dump(data, "d.txt")
        streamed: list = []
        lines = list(decode_lines(io.BytesIO(data), "d.txt", streamed))
        if any(p.severity == "error" for p in problems):
            assert lines == [] and [str(p) for p in streamed] == [str(p) for p in problems]
        else:
            assert lines == text.split("\n")
            assert sorted(str(p) for p in streamed) == sorted(str(p) for p in problems)

    same()
