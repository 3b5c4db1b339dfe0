"""Reading a document's text (plain text, Markdown, PDF) and telling its language.

Offsets everywhere in casegraph.ingest count characters of the text this module returns: the file decoded as
UTF-8 without its byte-order mark (for a PDF, the text pypdf extracts, pages joined by a blank line). Its
SHA-256 is taken over that text, so a reader can check they count in the same text.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

from ..errors import InputError

#: above this, a text is refused with a message rather than read for minutes (``max_bytes`` to change it)
MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".rst", ""}

_FUNCTION_WORDS = {
    "fr": set("le la les des du de un une et est sont dans pour pas sur avec au aux ce cette ces il elle nous "
              "ont été qui que qu ne plus par leur leurs mais ou donc être avoir fait selon".split()),
    "en": set("the of and to in is are was were that for with on as by it be has have this from which "
              "their its not but or an said would will been who".split()),
}
LANGUAGES = ("fr", "en")


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """The text of the file at ``path`` ("-" reads standard input), or a one-line :class:`InputError` that
    says why it cannot be read: missing, empty, binary, not UTF-8, or too large."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(path)
        if path.is_dir():
            raise InputError(f"{name}: a folder; ingest reads one file (plain text, Markdown or PDF)")
        if not path.is_file():
            raise InputError(f"{name}: no such file")
        if path.suffix.lower() == ".pdf":
            return _pdf_text(path)
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{name}: {size / 1e6:.1f} MB is more than the {max_bytes / 1e6:.1f} MB limit; "
                             "split the file or raise the limit ({parameter})", parameter="max_bytes=")
        data = path.read_bytes()
    if len(data) > max_bytes:
        raise InputError(f"{name}: more than the {max_bytes / 1e6:.1f} MB limit; split it or raise the limit "
                         "({parameter})", parameter="max_bytes=")
    nul = data.find(b"\x00", 0, 8192)
    if nul != -1 or data[:5] == b"%PDF-" and name == "-":
        raise InputError(f"{name}: binary data (a NUL byte at offset {nul}); casegraph reads plain text, "
                         "Markdown or PDF files")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); convert it "
                         "first, e.g. iconv -f latin1 -t utf-8") from None
    if not text.strip():
        raise InputError(f"{name}: empty{' (only white space)' if text else ''}; nothing to ingest")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.02 * min(len(text), 8192):
        raise InputError(f"{name}: binary data ({controls} control characters in the first 8 KB); casegraph "
                         "reads plain text, Markdown or PDF files")
    return text


def _pdf_text(path: Path) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise InputError(f"{path}: reading PDF needs pypdf (pip install pypdf)") from None
    try:
        pages = [page.extract_text() or "" for page in PdfReader(path).pages]
    except (PdfReadError, ValueError, KeyError, OSError) as e:
        raise InputError(f"{path}: not a readable PDF ({e})") from None
    text = "\n\n".join(page.strip() for page in pages)
    if not text.strip():
        raise InputError(f"{path}: the PDF has no text layer (a scan?); run it through OCR first")
    return text


def sha256(text: str) -> str:
    """The SHA-256 of ``text`` in UTF-8, in hexadecimal."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def detect_language(text: str, name: str = "text") -> str:
    """``"fr"`` or ``"en"``, from the function words of the first 100,000 characters.

    Raises :class:`InputError` when neither language's function words are frequent enough to tell.

    >>> detect_language("Le juge a rejeté la demande des auteurs et de leurs avocats.")
    'fr'
    >>> detect_language("The judge dismissed the claims of the authors and their lawyers.")
    'en'
    """
    words = re.findall(r"[^\W\d_]+", text[:100_000].lower())
    counts = Counter(lang for word in words for lang in LANGUAGES if word in _FUNCTION_WORDS[lang])
    best, second = sorted(LANGUAGES, key=lambda lang: -counts[lang])
    if counts[best] >= 3 and counts[best] >= 0.08 * len(words) and counts[best] > 1.5 * counts[second]:
        return best
    found = ", ".join(f"{counts[lang]} {lang}" for lang in LANGUAGES)
    raise InputError(f"{name}: cannot tell whether this is French or English ({found} function words in "
                     f"{len(words)} words); say which, fr or en ({{parameter}})", parameter="lang=")
