"""The window in Welsh: every string a user sees goes through Qt's translation, the Welsh file
has all of them finished (with the same placeholders), the compiled file is current, and the
real main window starts in Welsh for a user who chose it, and switches back when they change."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from app.config import Settings
from app.models.users import Role
from app.services import preferences, users
from app.services.enums import Scheme
from app.services.preferences import Preferences
from app.views import i18n
from app.views.app import Startup
from app.views.confirm import Confirm
from tests.factories import PASSWORD, make_case, make_user

ROOT = Path(__file__).resolve().parents[2]
VIEWS = ROOT / "app" / "views"
TS = ROOT / "resources" / "translations" / "pathways_cy.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent

#: Calls whose string arguments reach the screen: name -> (positions, keywords).
SHOWN: dict[str, tuple[set[int], set[str]]] = {
    "QLabel": ({0}, {"text"}), "QPushButton": ({0}, {"text"}), "QCheckBox": ({0}, {"text"}),
    "QRadioButton": ({0}, set()), "QGroupBox": ({0}, {"title"}), "QAction": ({0, 1}, {"text"}),
    "QProgressDialog": ({0, 1}, set()), "QTableWidgetItem": ({0}, set()),
    "setText": ({0}, set()), "setWindowTitle": ({0}, set()), "setToolTip": ({0}, set()),
    "setStatusTip": ({0}, set()), "setWhatsThis": ({0}, set()), "setTitle": ({0}, set()),
    "setAccessibleName": ({0}, set()), "setAccessibleDescription": ({0}, set()),
    "setPlaceholderText": ({0}, set()), "showMessage": ({0}, set()),
    "setHeaderLabels": ({0}, set()), "setHorizontalHeaderLabels": ({0}, set()),
    "setLabelText": ({0}, set()), "setInformativeText": ({0}, set()),
    "setSpecialValueText": ({0}, set()), "setSuffix": ({0}, set()), "setPrefix": ({0}, set()),
    "setTabText": ({1}, set()), "setTabToolTip": ({1}, set()), "setItemText": ({1}, set()),
    "addTab": ({1}, set()), "insertTab": ({2}, set()), "addMenu": ({0}, set()),
    "addAction": ({0}, set()), "addItem": ({0}, set()), "addItems": ({0}, set()),
    "addButton": ({0}, set()), "addRow": ({0}, set()), "setButtonText": ({1}, set()),
    "warning": ({1, 2}, set()), "information": ({1, 2}, set()), "critical": ({1, 2}, set()),
    "question": ({1, 2}, set()), "about": ({1, 2}, set()),
    "getSaveFileName": ({1, 3}, {"caption", "filter"}),
    "getOpenFileName": ({1, 3}, {"caption", "filter"}),
    "getExistingDirectory": ({1}, {"caption"}), "getText": ({1, 2}, set()),
    "getItem": ({1, 2}, set()),
    # the app's own helpers that put their text on screen
    "Field": ({1}, {"label", "help"}), "Column": ({0}, {"title"}),
    "FormDialog": ({0}, {"title", "intro", "ok_text"}), "form": ({0}, {"intro", "confirm"}),
    "_open": ({0}, {"intro", "ok_text"}), "button": ({0}, set()), "_button": ({0}, set()),
    "_action": ({0}, {"tip"}), "confirm": ({0, 1, 2}, set()), "ask": ({1, 2, 3}, set()),
    "Confirm": ({1, 2, 3}, set()), "refused": ({0}, set()), "refusal": ({0}, set()),
    "saved": ({0}, set()), "say": ({0}, set()), "_confirm": ({0}, set()),
    "_fail": ({0}, set()), "TimelineEntry": ({1}, set()), "RecordTable": ({1}, set()),
    "_tab": ({1}, set()), "table": ({1}, set()), "show_error": ({2}, {"title"}),
    "BackgroundTask": ({1, 2}, set()), "LazyTab": ({1}, set()),
}
TRANSLATE = {"tr", "translate", "QT_TRANSLATE_NOOP"}


def _name(call: ast.Call) -> str | None:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)


def _words(text: str) -> bool:
    """Whether ``text`` holds a word once markup (tags, entities) is taken out."""
    return bool(re.search(r"[A-Za-z]{2}", re.sub(r"<[^>]*>|&\w+;", "", text)))


def _bare_text(node: ast.AST) -> list[ast.AST]:
    """Literal text in ``node`` that reaches the screen untranslated: a string with a word
    in it, or an f-string, directly or through ``a if c else b``, ``a or b``, ``a + b`` or a
    list; a call (``self.tr(...)``, ``esc(...)``) is the callee's business."""
    if isinstance(node, ast.Constant):
        return [node] if isinstance(node.value, str) and _words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return [node] if _words(text) else []
    children: list[ast.AST] = []
    if isinstance(node, ast.IfExp):
        children = [node.body, node.orelse]
    elif isinstance(node, ast.BoolOp):
        children = list(node.values)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        children = [node.left, node.right]
    elif isinstance(node, ast.List | ast.Tuple):
        children = list(node.elts)
    return [bare for child in children for bare in _bare_text(child)]


def _untranslated(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    found = []
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        name = _name(call)
        if name not in SHOWN:
            continue
        positions, keywords = SHOWN[name]
        args = [a for i, a in enumerate(call.args) if i in positions]
        args += [k.value for k in call.keywords if k.arg in keywords]
        if name == "Column" and len(call.args) > 1 and isinstance(call.args[1], ast.Lambda):
            args.append(call.args[1].body)  # what the column shows in each row
        if name == "Field":  # the choices' texts, a check's message, a check box's text
            for k in call.keywords:
                if k.arg == "choices" and isinstance(k.value, ast.List | ast.Tuple):
                    args += [t.elts[0] for t in k.value.elts
                             if isinstance(t, ast.Tuple) and t.elts]
                elif k.arg == "check" and isinstance(k.value, ast.Lambda):
                    args.append(k.value.body)
                elif k.arg == "extra" and isinstance(k.value, ast.Dict):
                    args += [v for key, v in zip(k.value.keys, k.value.values, strict=True)
                             if isinstance(key, ast.Constant) and key.value in ("text",
                                                                                 "placeholder")]
        for arg in args:
            for bare in _bare_text(arg):
                found.append(f"{path.name}:{bare.lineno}: "
                             f"{ast.get_source_segment(source, bare)}")
    return found


def _fields(text: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name") or "", m.findtext("source") or ""): m
            for ctx in root.iter("context") for m in ctx.iter("message")}


def test_no_user_visible_string_in_the_views_bypasses_translation() -> None:
    found = [line for path in sorted(VIEWS.rglob("*.py")) for line in _untranslated(path)]
    assert not found, "wrap these in self.tr() or translate():\n" + "\n".join(found)


def test_the_checker_finds_bare_text(tmp_path: Path) -> None:
    """The check above is only as good as this: it catches what it is meant to, and lets
    markup and translated text through."""
    sample = tmp_path / "sample.py"
    sample.write_text('QLabel("Hello there")\nw.setToolTip(f"Case {ref}")\n'
                      'Field("x", "Label", help="no" if y else self.tr("yes"))\n'
                      'self.button(self.tr("Fine"), "name", slot)\n'
                      'label.setText("<b>" + self.tr("Bold") + "</b>&nbsp;")\n'
                      'label.setText(f"<span style=\'x\'>{esc(name)}</span>" + "Stage: ")\n',
                      encoding="utf-8")
    found = [line.split(": ", 1)[1] for line in _untranslated(sample)]
    assert found == ['"Hello there"', 'f"Case {ref}"', '"Label"', '"no"', '"Stage: "']


def test_every_enum_word_the_window_shows_is_listed_for_translation() -> None:
    """The labels and choices the window names through app/views/terms.py."""
    from app.models.attachments import MediaType
    from app.models.cases import CaseStatus, DataSubjectCategory, Eligibility
    from app.models.contracts import ContractStatus
    from app.models.safeguards import SensitiveKind
    from app.models.users import Role
    from app.services import enums
    from app.services.enums import EntryKind
    from app.services.notes_search import NoteSource
    from app.services.outcomes import Outcome
    from app.views.terms import TERMS

    kinds = (enums.PractitionerKind, enums.RjcLevel, enums.DbsLevel, enums.SupervisionKind,
             enums.ExpenseKind, enums.InterventionKind, enums.AssessmentStage,
             enums.MeetingKind, enums.RiskStage, enums.RiskLevel, enums.ActionKind,
             enums.PartyRole, enums.Gender, enums.DocumentFormat, enums.RiskBand,
             SensitiveKind, NoteSource)
    labels = [m.label for kind in (CaseStatus, Role, Outcome, EntryKind, MediaType,
                                   DataSubjectCategory)
              for m in kind]
    choices = [m.value.capitalize() for kind in kinds for m in kind]
    words = [m.value for kind in (ContractStatus, enums.ConditionState, Eligibility,
                                  enums.AssessmentStage, enums.AppointmentStatus,
                                  enums.PractitionerKind, enums.PractitionerStatus)
             for m in kind]
    assert [text for text in labels + choices + words if text not in TERMS] == []


def test_placeholders_in_the_code_match_their_format_arguments() -> None:
    """``self.tr("... {name} ...").format(name=...)``: a misspelt name fails at run time, in
    whatever language; this finds it before anyone sees it."""
    wrong = []
    for path in sorted(VIEWS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "format"):
                continue
            inner = node.func.value
            texts = [inner.body, inner.orelse] if isinstance(inner, ast.IfExp) else [inner]
            for text in texts:
                if not (isinstance(text, ast.Call) and _name(text) in TRANSLATE):
                    continue
                literal = text.args[0] if _name(text) == "tr" else text.args[1]
                given = sorted([k.arg or "" for k in node.keywords]
                               + [str(i) for i in range(len(node.args))])
                if isinstance(literal, ast.Constant) and _fields(literal.value) != given:
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {literal.value!r}")
    assert not wrong, "\n".join(wrong)


def test_every_window_string_is_translated_into_welsh(tmp_path: Path) -> None:
    """lupdate over app/views into an empty file: each string it finds must be in
    pathways_cy.ts, finished, not empty, with the source's placeholders and an access key
    where the source has one."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in VIEWS.rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), "-locations", "none", *sources,
                    "-ts", str(fresh)], check=True, capture_output=True)
    wanted = _messages(fresh)
    assert len(wanted) > 500  # lupdate read the views
    kept = _messages(TS)
    problems = []
    for key in wanted:
        message = kept.get(key)
        if message is None:
            problems.append(f"missing: {key}")
            continue
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "obsolete", "vanished") or not text.strip():
            problems.append(f"unfinished: {key}")
        elif _fields(text) != _fields(key[1]):
            problems.append(f"placeholders differ: {key} -> {text!r}")
        elif ("&" in re.sub(r"&\w+;", "", key[1])) != ("&" in re.sub(r"&\w+;", "", text)):
            problems.append(f"access key: {key} -> {text!r}")
    assert not problems, "run scripts/translations and translate:\n" + "\n".join(problems)


def test_each_context_is_one_the_code_looks_up() -> None:
    """lupdate files ``self.tr`` text under the class it is written in; at run time Qt looks
    it up under the object's class and its bases. A context that is neither a QObject class of
    the views nor a ``translate()`` context would never be found."""
    import importlib
    import inspect

    from PySide6.QtCore import QObject

    classes, named = set(), set()
    for path in VIEWS.rglob("*.py"):
        module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        classes |= {c.__name__ for c in vars(module).values()
                    if inspect.isclass(c) and issubclass(c, QObject)}
        named |= set(re.findall(r'(?:translate|QT_TRANSLATE_NOOP)\("(\w+)"', path.read_text()))
    contexts = {context for context, _ in _messages(TS)}
    assert contexts - classes - named == set()


def test_the_compiled_welsh_file_is_current(qapp: Any) -> None:
    """The committed .qm says what the .ts says (read back through Qt, not compared byte by
    byte: another lrelease version may lay the file out differently)."""
    from PySide6.QtCore import QTranslator

    compiled = QTranslator()
    assert compiled.load(str(QM))
    stale = []
    for (context, source), message in _messages(TS).items():
        text = message.findtext("translation") or ""
        if text and text != source and compiled.translate(context, source) != text:
            stale.append(f"{context}: {source!r}")
    assert not stale, "run scripts/translations:\n" + "\n".join(stale)


def test_a_missing_translation_falls_back_to_english(qapp: Any) -> None:
    assert not i18n.use_language("xx")
    assert i18n.translate("MainWindow", "&File") == "&File"
    assert i18n.use_language("cy")
    assert i18n.translate("MainWindow", "&File") == "&Ffeil"


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    i18n.use_language(i18n.ENGLISH)


def _sign_in(qtbot: Any, startup: Startup, username: str) -> Any:
    startup.start()
    qtbot.waitSignal(startup.ready, timeout=30000).wait()
    startup.sign_in.username.setText(username)
    startup.sign_in.password.setText(PASSWORD)
    startup.sign_in.findChild(QDialogButtonBox).accepted.emit()
    qtbot.waitUntil(lambda: startup.window is not None, timeout=10000)
    window = startup.window
    qtbot.addWidget(window)
    return window


def _clashes(texts: list[str]) -> list[list[str]]:
    """Texts on one menu or tab whose access keys (the letter after &) are the same."""
    keys: dict[str, list[str]] = {}
    for text in texts:
        found = re.search(r"&([^&\s])", text)
        if found:
            keys.setdefault(found.group(1).lower(), []).append(text)
    return [same for same in keys.values() if len(same) > 1]


def _assert_no_access_key_clashes(window: Any, ref: str) -> Any:
    """Alt+letter reaches one thing: no two entries of a menu, and no two buttons on a case
    tab (with the stage buttons above it), share an access key. Returns the opened case."""
    for menu in (a.menu() for a in window.menuBar().actions()):
        assert _clashes([a.text() for a in menu.actions()]) == [], menu.title()
    workspace = window.open_case(ref)
    stage = [b.text() for b in workspace.stage_bar.findChildren(QPushButton)]
    for i in range(workspace.tabs.count()):
        tab = workspace.tabs.widget(i)
        texts = stage + [b.text() for b in tab.findChildren(QPushButton)]
        assert _clashes(texts) == [], workspace.tabs.tabText(i)
    return workspace


def test_access_keys_do_not_clash_in_english(qtbot: Any, db: Any, tmp_path: Path) -> None:
    coord = make_user(db, Role.COORDINATOR, "saesneg")
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=coord)
    startup = Startup(Settings(database_url=db.url, backup_dir=tmp_path / "backups"),
                      backup=False)
    window = _sign_in(qtbot, startup, "saesneg")
    _assert_no_access_key_clashes(window, ref)
    window.close()
    startup.close()


def _welsh_user(db: Any, username: str) -> str:
    coord = make_user(db, Role.COORDINATOR, username)
    ref = make_case(db, coord, Scheme.CHECKPOINT, worker=coord)
    actor = users.sign_in(db.uow(), username, PASSWORD)
    preferences.save_preferences(db.uow(), actor, Preferences(ui_language="cy"))
    return ref


def test_the_main_window_and_a_case_in_welsh(qtbot: Any, db: Any, tmp_path: Path,
                                            english_after: None) -> None:
    ref = _welsh_user(db, "cydlynydd")
    settings = Settings(database_url=db.url, backup_dir=tmp_path / "backups")
    startup = Startup(settings, backup=False)
    assert startup.sign_in.windowTitle() == "Sign in to Pathways"  # a new desktop: English
    window = _sign_in(qtbot, startup, "cydlynydd")

    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:4] == ["&Ffeil", "&Golygu", "Gwe&ld", "&Cymorth"]
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Atgyfeiriad newydd..." in [a.text() for a in file_menu.actions()]
    assert [window.tabs.tabText(i) for i in range(3)] == ["Fy ngwaith", "Achosion",
                                                          "Dangosfwrdd"]
    assert window.findChild(QLabel, "signed_in_as").text().startswith("Wedi mewngofnodi fel")

    workspace = _assert_no_access_key_clashes(window, ref)
    tabs = [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())]
    assert tabs[0] == "Trosolwg" and "Pobl" in tabs and "Apwyntiadau" in tabs
    buttons = {b.text() for b in workspace.findChildren(QPushButton)}
    assert {"&Trefnu...", "&Llunio'r contract..."} <= buttons
    form = workspace.tab_widget("appointments").book_appointment()
    assert form.windowTitle() == "Trefnu apwyntiad"
    assert form.ok_button.text() == "Cadw"
    # Qt's own Cancel button comes from our qtbase_cy (Qt ships no Welsh)
    assert "Canslo" in [b.text() for b in form.findChildren(QPushButton)]
    form.reject()
    window.close()
    startup.close()

    # the next start on this desktop shows the sign-in in the language last used here
    i18n.use_language(i18n.ENGLISH)
    again = Startup(settings, backup=False)
    assert again.sign_in.windowTitle() == "Mewngofnodi i Pathways"
    again.close()


def test_choosing_english_in_preferences_reopens_the_window_in_english(
        qtbot: Any, db: Any, tmp_path: Path, english_after: None) -> None:
    _welsh_user(db, "cydlynydd")
    startup = Startup(Settings(database_url=db.url, backup_dir=tmp_path / "backups"),
                      backup=False)
    window = _sign_in(qtbot, startup, "cydlynydd")
    assert window.menuBar().actions()[0].text() == "&Ffeil"
    window.preferences()
    window.dialog.form.set_value("ui_language", "en")
    qtbot.mouseClick(window.dialog.ok_button, Qt.MouseButton.LeftButton)
    question = window.dialog
    assert isinstance(question, Confirm) and "English" in question.text()
    qtbot.mouseClick(question.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: startup.window is not window, timeout=10000)
    english = startup.window
    assert english is not None
    qtbot.addWidget(english)
    assert not window.isVisible() and english.isVisible()
    assert [a.text() for a in english.menuBar().actions()][:2] == ["&File", "&Edit"]
    assert english.tabs.tabText(0) == "My work"
    english.close()
    startup.close()
