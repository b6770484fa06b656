"""Fuzz: random and mutated proposal files, call files and .docx parts through `validate`,
`topics --call` and `import-call`; mutated sheets and templates through `batch --applicants` and
`export --template`. The property (issue 18, must-have 7): one message and exit
0/1/2, never a traceback or an "unexpected error", never a hang.

Bounded to a few seconds by default. A longer run, e.g. 5,000 examples per target:
    PLANNER_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import time
from pathlib import Path

import paths
from hostile_inputs import minimal_docx, styles_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli.main import main

EXAMPLES = int(os.environ.get("PLANNER_FUZZ_EXAMPLES", "40"))
HANG_GUARD_S = 10.0  # per input; a good answer takes milliseconds
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # wall time under a loaded machine is no property; HANG_GUARD_S is
    database=None,  # nothing written into the checkout
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SAMPLE = (paths.DATA / "sample.proposal.yaml").read_bytes()
CALL = (paths.REPO / "resources" / "topics.yaml").read_bytes()[:6000]  # its first topics
# what YAML and our formats react to
YAML_TOKENS = [
    b"&a ", b"*a", b"!!int ", b"!!timestamp ", b"!", b"[", b"]", b"{", b"}", b": ", b"- ",
    b"? ", b"---\n", b"...\n", b"%YAML 1.1\n", b"\t", b"\x00", b"\xff", b"\xef\xbb\xbf", b"'",
    b'"', b"|", b">", b"#", b"\n", b"  ", b"1.10", b"01234567", b"true", b"null", b"~",
    b"9" * 5000, b"<<: *a\n", b"\x1b[2K", b"\r",
]  # fmt: skip
XML_TOKENS = [
    b"<", b">", b"/>", b"&", b"&e;", b"<!DOCTYPE w:document [<!ENTITY e 'x'>]>", b'"', b"=",
    b"<w:p>", b"</w:p>", b"<w:t>", b"w:val=", b'<w:basedOn w:val="A"/>', b"\x00", b"\xff",
    b"<![CDATA[", b"]]>", b"<?xml", b"xmlns:w=", b"<w:numPr/>",
]  # fmt: skip


def _mutated(base: bytes, tokens: list[bytes]) -> st.SearchStrategy[bytes]:
    """`base` with a few insertions, deletions and byte flips at random places."""
    edit = st.tuples(
        st.sampled_from(["insert", "delete", "flip", "cut"]),
        st.floats(0, 1),
        st.sampled_from(tokens),
        st.integers(1, 64),
    )

    def apply(edits: list[tuple[str, float, bytes, int]]) -> bytes:
        data = bytearray(base)
        for kind, where, token, size in edits:
            at = int(where * len(data))
            if kind == "insert":
                data[at:at] = token
            elif kind == "delete":
                del data[at : at + size]
            elif kind == "flip" and data:
                data[min(at, len(data) - 1)] ^= size
            else:
                del data[at:]
        return bytes(data)

    return st.lists(edit, min_size=1, max_size=8).map(apply)


def _random_yaml() -> st.SearchStrategy[bytes]:
    return st.lists(st.sampled_from(YAML_TOKENS) | st.binary(max_size=8), max_size=40).map(b"".join)


def _run(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    assert time.perf_counter() - start < HANG_GUARD_S
    return code, err.getvalue()


def _check(code: int, err: str) -> None:
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "unexpected error" not in err, err


@FUZZ
@given(_mutated(SAMPLE, YAML_TOKENS) | _random_yaml())
def test_validate_never_crashes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.proposal.yaml"
        path.write_bytes(data)
        _check(*_run("validate", str(path)))


@FUZZ
@given(_mutated(CALL, YAML_TOKENS) | _random_yaml())
def test_topics_call_never_crashes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "call.yaml"
        path.write_bytes(data)
        _check(*_run("topics", "--call", str(path)))


DOCX = minimal_docx(
    styles=styles_xml(
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:basedOn w:val="Normal"/><w:pPr><w:numPr/></w:pPr></w:style>'
    )
)


def _docx_parts() -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(DOCX)) as z:
        return {n: z.read(n) for n in z.namelist()}


PARTS = _docx_parts()


@FUZZ
@given(
    st.sampled_from(sorted(PARTS)).flatmap(
        lambda n: st.tuples(st.just(n), _mutated(PARTS[n], XML_TOKENS))
    )
)
def test_import_call_never_crashes(part: tuple[str, bytes]) -> None:
    from hostile_inputs import docx_bytes

    name, data = part
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "call.docx"
        path.write_bytes(docx_bytes({**PARTS, name: data}))
        _check(*_run("import-call", str(path), "-o", str(Path(folder) / "out.yaml")))


@FUZZ
@given(_mutated(DOCX, [b"PK", b"\x00" * 8, b"\xff" * 4]))
def test_import_call_of_a_mutated_zip_never_crashes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "call.docx"
        path.write_bytes(data)
        _check(*_run("import-call", str(path), "-o", str(Path(folder) / "out.yaml")))


def _office_parts(data: bytes) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _sheet() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["name", "topic", "phone"])
    book.active.append(["张三", "1.1", "01234567"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SHEET = _office_parts(_sheet())


def _word_document() -> bytes:
    """A real Word document (python-docx's own template): headings, a list, a section."""
    import docx

    document = docx.Document()
    document.add_heading("1. 数据库", level=1)
    document.add_heading("1.1 HTAP", level=2)
    document.add_paragraph("背景。")
    document.add_paragraph("建议研究方向：")
    document.add_paragraph("行列混合存储", style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


WORD = _office_parts(_word_document())


@FUZZ
@given(
    st.sampled_from(sorted(SHEET)).flatmap(
        lambda n: st.tuples(st.just(n), _mutated(SHEET[n], XML_TOKENS))
    )
)
def test_applicants_sheet_never_crashes(part: tuple[str, bytes]) -> None:
    from hostile_inputs import docx_bytes

    name, data = part
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "applicants.xlsx"
        path.write_bytes(docx_bytes({**SHEET, name: data}))
        out = str(Path(folder) / "out")
        _check(*_run("batch", "--applicants", str(path), "-o", out, "--jobs", "1"))


_WORD_XML = sorted(n for n in WORD if n.endswith((".xml", ".rels")))


@FUZZ
@given(
    st.sampled_from(_WORD_XML).flatmap(
        lambda n: st.tuples(st.just(n), _mutated(WORD[n], XML_TOKENS))
    ),
    st.booleans(),
)
def test_word_documents_never_crash_import_or_template(
    part: tuple[str, bytes], as_template: bool
) -> None:
    from hostile_inputs import docx_bytes

    name, data = part
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "t.docx"
        template.write_bytes(docx_bytes({**WORD, name: data}))
        if not as_template:
            out = str(Path(folder) / "out.yaml")
            _check(*_run("import-call", str(template), "-o", out))
            return
        out = str(Path(folder) / "o.docx")
        _check(*_run("export", "--topic", "1.1", "-o", out, "--template", str(template)))
