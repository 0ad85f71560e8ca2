"""Reading article files: headers, text kept exactly, and a clear word for every bad file."""

import datetime
import hashlib
from pathlib import Path

import pytest

from kg.articles import ArticleError, read_article, read_articles

HEADED = (
    "url: https://news.example.com/a\n"
    "title: Council declares a winner\n"
    "publisher: The Daily Ledger\n"
    "date: 2024-07-29\n"
    "language: en\n"
    "\n"
    "Caracas woke to a disputed result.\n"
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_header_fields_are_read_and_the_body_kept_exactly(tmp_path):
    article = read_article(write(tmp_path, "a.txt", HEADED))
    assert (article.url, article.title, article.publisher, article.date, article.language) == (
        "https://news.example.com/a",
        "Council declares a winner",
        "The Daily Ledger",
        datetime.date(2024, 7, 29),
        "en",
    )
    assert article.text == "Caracas woke to a disputed result.\n"
    assert article.sha256 == hashlib.sha256(article.text.encode()).hexdigest()
    assert article.key == article.sha256[:16]


def test_an_article_without_header_has_its_language_detected(tmp_path):
    article = read_article(write(tmp_path, "b.txt", "El Consejo Nacional Electoral anunció los resultados del domingo."))
    assert (article.language, article.url, article.date) == ("es", None, None)


def test_text_is_nfc_normalised_so_offsets_count_characters(tmp_path):
    decomposed = "language: es\n\nGonza\u0301lez"
    article = read_article(write(tmp_path, "c.txt", decomposed))
    assert article.text == "Gonz\u00e1lez" and len(article.text) == 8


def test_a_first_line_that_only_looks_like_a_header_stays_in_the_body(tmp_path):
    article = read_article(write(tmp_path, "d.txt", "Update: the council spoke at midnight and named the winner of the vote."))
    assert article.text.startswith("Update: the council")


BAD_FILES = [
    ("invalid-utf8", b"language: en\n\nCaf\xe9 con leche\n", "not valid UTF-8 (line 3, byte offset 17: invalid continuation byte)"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL byte at offset 8), not a text article"),
    ("empty", b"", "empty article"),
    ("empty-body", b"title: Nothing here\n\n   \n", "empty article (no text after the header)"),
    ("impossible-date", b"date: 2024-02-30\n\nText.", "header date '2024-02-30' is not a valid date (day is out of range for month)"),
    ("unknown-key", b"title: T\nauthor: X\n\nText.", "line 2: unknown header key 'author' (known: url, title, publisher, date, language)"),
    ("repeated-key", b"title: T\ntitle: U\n\nText.", "line 2: header key 'title' given twice"),
    ("bad-language", b"language: English please\n\nText.", "header language 'English please' is not a language tag such as en, nb, es"),
    ("no-body", b"title: T\nurl: https://x.example/", "header is not followed by a blank line and a body"),
]


@pytest.mark.parametrize("content, message", [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_is_refused_with_a_message_saying_what_is_wrong(tmp_path, content, message):
    with pytest.raises(ArticleError) as error:
        read_article(write(tmp_path, "bad.txt", content))
    assert str(error.value) == message


def test_an_unreadable_file_is_reported(tmp_path):
    # A dangling link cannot be read by anyone, root included (CI runs as root, so a chmod 000
    # file would be readable there).
    path = tmp_path / "gone.txt"
    path.symlink_to(tmp_path / "deleted-target.txt")
    with pytest.raises(ArticleError) as error:
        read_article(path)
    assert str(error.value) == "cannot read: No such file or directory"


def test_bad_and_duplicate_files_are_skipped_and_the_others_still_read(tmp_path):
    write(tmp_path, "1-good.txt", HEADED)
    write(tmp_path, "2-copy.txt", HEADED)
    write(tmp_path, "3-binary.bin", b"\x00\x01")
    write(tmp_path, ".hidden", "ignored")
    (tmp_path / "subfolder").mkdir()
    articles, problems = read_articles(tmp_path)
    assert [a.path.name for a in articles] == ["1-good.txt"]
    assert [str(p) for p in problems] == [
        f"{tmp_path / '2-copy.txt'}: duplicate of 1-good.txt (same text)",
        f"{tmp_path / '3-binary.bin'}: binary file (NUL byte at offset 0), not a text article",
    ]


def test_a_missing_folder_is_an_error_naming_it(tmp_path):
    with pytest.raises(ArticleError, match="nowhere: not a directory of articles"):
        read_articles(tmp_path / "nowhere")
