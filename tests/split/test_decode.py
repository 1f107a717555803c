"""decode: bytes to lines, with every problem named."""

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


def test_lone_cr_line_ends_and_a_cr_split_across_reads():
    import io

    from sitegen.split import decode_lines
    from sitegen.split.decode import CHUNK, HEAD

    assert decode_dump(b"a\rb\r\nc\r", "d.txt")[0] == "a\nb\nc\n"
    data = b"x" * (HEAD + CHUNK - 1) + b"\r\nnext"  # "\r" ends one read, "\n" starts the next
    lines = list(decode_lines(io.BytesIO(data), "d.txt", []))
    assert lines == ["x" * (HEAD + CHUNK - 1), "next"]


def test_byte_offsets_count_the_bom():
    _, problems = decode_dump(b"\xef\xbb\xbfTitle\nBad \xff\n", "d.txt")
    assert [str(p) for p in problems] == ["d.txt:2: warning: invalid UTF-8 at byte 13 replaced with \ufffd"]


def test_many_bad_lines_are_summed_up():
    _, problems = decode_dump(b"".join(b"line %d \xff\n" % n for n in range(20)), "d.txt")
    assert len(problems) == 6
    assert "invalid UTF-8 on 20 lines in all" in problems[-1].message


def test_utf16_with_a_bom_is_decoded():
    text, problems = decode_dump("Title – The Ledger\r\n\r\nBody.".encode("utf-16"), "d.txt")
    assert text == "Title – The Ledger\n\nBody." and problems == []


def test_mostly_undecodable_bytes_are_binary():
    import random

    noise = bytes(random.Random(1).randrange(128, 256) for _ in range(4000))
    _, problems = decode_dump(noise, "noise.txt")
    assert problems[0].severity == "error" and "not UTF-8 text" in problems[0].message


def test_latin1_text_is_text_with_warnings():
    text, problems = decode_dump("Café société à Paris, été 2025.\n".encode("latin-1"), "d.txt")
    assert "Caf\ufffd" in text and problems[0].severity == "warning"
