"""Static checks of the UI code's strings (ast): text given to Qt without tr(), and the
(context, source) pairs the code asks Qt to translate.

Recognised translation calls, as pyside6-lupdate reads them:
  self.tr("text")  /  Class.tr("text")              context = the enclosing class
  QCoreApplication.translate("Context", "text")     (also QApplication / QGuiApplication)
  QT_TRANSLATE_NOOP("Context", "text"), QT_TR_NOOP("text")
Anything else that calls itself `tr` or aliases `translate` is flagged: lupdate would not see
it (a bare `tr("Context", "text")` is even read as text "Context" with comment "text").
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Method name → indexes of the positional arguments that are shown to the user (None = all).
TEXT_METHODS: dict[str, tuple[int, ...] | None] = {
    "setText": (0,), "setWindowTitle": (0,), "setToolTip": (0,), "setStatusTip": (0,),
    "setWhatsThis": (0,), "setPlaceholderText": (0,), "setTitle": (0,), "setSubTitle": (0,),
    "setLabelText": (0,), "setInformativeText": (0,), "setDetailedText": (0,),
    "setAccessibleName": (0,), "setAccessibleDescription": (0,), "setIconText": (0,),
    "setWindowIconText": (0,), "setSpecialValueText": (0,), "setSuffix": (0,), "setPrefix": (0,),
    "setFormat": (0,), "setButtonText": (1,), "setTabText": (1,), "setTabToolTip": (1,),
    "setItemText": (1,), "setHeaderLabels": (0,), "setHorizontalHeaderLabels": (0,),
    "setVerticalHeaderLabels": (0,), "setNameFilter": (0,), "setNameFilters": (0,),
    "addAction": None, "addMenu": None, "addTab": (1, 2), "insertTab": (2, 3), "addItem": (0,),
    "addItems": (0,), "insertItem": (1,), "addButton": (0,), "addRow": (0,), "addSection": None,
    "showMessage": (0, 1), "showText": (1,), "setDefaultAction": (), "information": (1, 2),
    "warning": (1, 2), "critical": (1, 2), "question": (1, 2), "about": (1, 2),
    "getOpenFileName": (1, 3), "getOpenFileNames": (1, 3), "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,), "getText": (1, 2), "getInt": (1, 2), "getItem": (1, 2),
    "notify": None,
}
# Keyword arguments that carry text wherever they appear.
TEXT_KEYWORDS = {"text", "title", "caption", "filter", "toolTip", "statusTip", "placeholderText",
                 "windowTitle", "informativeText", "message", "label"}
# Widgets whose constructor takes a visible text (any positional string).
TEXT_CONSTRUCTORS = {"QLabel", "QPushButton", "QAction", "QGroupBox", "QCheckBox", "QRadioButton",
                     "QCommandLinkButton", "QMenu", "QMessageBox", "QListWidgetItem",
                     "QStandardItem", "QTableWidgetItem", "QTreeWidgetItem", "QToolButton",
                     "QWidgetAction", "QProgressDialog", "QErrorMessage", "QDockWidget"}
TRANSLATE_OWNERS = {"QCoreApplication", "QApplication", "QGuiApplication"}
NOOPS = {"QT_TRANSLATE_NOOP", "QT_TR_NOOP", "QT_TRANSLATE_NOOP3"}

# Literals that are not words: product names are kept as they are in every language.
ALLOWED_LITERALS = {"FaxDesk", "Telnyx"}
_WORDY = re.compile(r"[A-Za-z]{2,}")
# Also not words: codes and format names ("PDF", "TIFF", "US") and example URLs.
_NOT_WORDS = re.compile(r"[A-Z0-9]{1,5}|https?://\S*")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def _is_translate(func: ast.expr) -> bool:
    return (isinstance(func, ast.Attribute) and func.attr == "translate"
            and isinstance(func.value, ast.Name) and func.value.id in TRANSLATE_OWNERS)


def _is_method_tr(func: ast.expr) -> bool:
    return isinstance(func, ast.Attribute) and func.attr == "tr"


def _is_wrapped(node: ast.expr) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (_is_translate(func) or _is_method_tr(func)
            or (isinstance(func, ast.Name) and func.id in NOOPS))


def _wordy(text: str) -> bool:
    return (text not in ALLOWED_LITERALS and not _NOT_WORDS.fullmatch(text)
            and bool(_WORDY.search(text)))


def raw_text(node: ast.expr) -> str | None:
    """The first untranslated wordy literal inside an expression shown to the user, or None.

    Follows what builds the text (concatenation, f-strings, "…".format(), lists, conditionals)
    but not the arguments of other calls: icon("action-send") is not text."""
    if _is_wrapped(node):
        return None
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) and _wordy(node.value) else None
    if isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str) \
                    and _wordy(part.value):
                return ast.unparse(node)
        return None
    children: list[ast.expr]
    if isinstance(node, ast.BinOp):
        children = [node.left, node.right]
    elif isinstance(node, ast.IfExp):
        children = [node.body, node.orelse]
    elif isinstance(node, ast.BoolOp):
        children = list(node.values)
    elif isinstance(node, ast.List | ast.Tuple | ast.Set):
        children = list(node.elts)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr in {"format", "join", "upper", "lower", "capitalize", "strip"}:
        children = [node.func.value]
    else:
        return None
    for child in children:
        found = raw_text(child)
        if found is not None:
            return found
    return None


def _text_args(call: ast.Call) -> Iterator[ast.expr]:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else \
        func.id if isinstance(func, ast.Name) else None
    if name is None:
        return
    if name in TEXT_CONSTRUCTORS and isinstance(func, ast.Name):
        yield from call.args
    elif name in TEXT_METHODS and isinstance(func, ast.Attribute):
        indexes = TEXT_METHODS[name]
        for i, arg in enumerate(call.args):
            if indexes is None or i in indexes:
                yield arg
    else:
        return
    for keyword in call.keywords:
        if keyword.arg in TEXT_KEYWORDS:
            yield keyword.value


class _Visitor(ast.NodeVisitor):
    def __init__(self, path: str) -> None:
        self.path = path
        self.classes: list[str] = []
        self.findings: list[Finding] = []
        self.messages: set[tuple[str, str]] = set()
        self.aliases: set[str] = set()

    def flag(self, node: ast.AST, what: str) -> None:
        self.findings.append(Finding(self.path, getattr(node, "lineno", 0), what))

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Assign(self, node: ast.Assign) -> None:
        if _is_translate(node.value) or (isinstance(node.value, ast.Attribute)
                                         and node.value.attr == "tr"):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.aliases.add(target.id)
            self.flag(node, "an alias of translate()/tr(): lupdate does not see calls through "
                            "it; call QCoreApplication.translate(...) directly")
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name == "tr" and not self.classes:
            self.flag(node, "a module-level tr(): lupdate reads tr(\"Context\", \"text\") as "
                            "text \"Context\" with comment \"text\"; use "
                            "QCoreApplication.translate")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        literal = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                   for a in node.args]
        if _is_translate(func) or (isinstance(func, ast.Name) and func.id in self.aliases):
            if len(literal) >= 2 and literal[0] is not None and literal[1] is not None:
                self.messages.add((literal[0], literal[1]))
            elif len(node.args) >= 2:
                self._check_dynamic(node, node.args[1])
        elif isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP":
            if len(literal) >= 2 and literal[0] is not None and literal[1] is not None:
                self.messages.add((literal[0], literal[1]))
        elif _is_method_tr(func) and node.args:
            if literal[0] is not None:
                context = self._tr_context(func)
                if context is None:
                    self.flag(node, f"tr({literal[0]!r}) outside a class: no context")
                else:
                    self.messages.add((context, literal[0]))
            else:
                self._check_dynamic(node, node.args[0])
        for arg in _text_args(node):
            text = raw_text(arg)
            if text is not None:
                self.flag(node, f"untranslated text {text!r} in {ast.unparse(node.func)}()")
        self.generic_visit(node)

    def _tr_context(self, func: ast.Attribute) -> str | None:
        if isinstance(func.value, ast.Name) and func.value.id not in {"self", "cls"}:
            return func.value.id  # Class.tr("...")
        return self.classes[-1] if self.classes else None

    def _check_dynamic(self, node: ast.Call, text: ast.expr) -> None:
        # A variable is fine (its values are marked with QT_TRANSLATE_NOOP); built text is not:
        # lupdate cannot extract it and no catalogue can hold every combination.
        if isinstance(text, ast.JoinedStr | ast.BinOp) or (
                isinstance(text, ast.Call) and raw_text(text) is not None):
            self.flag(node, f"translation of built text {ast.unparse(text)!r}: translate a "
                            "fixed text with {placeholders} and format it afterwards")


@dataclass
class ScanResult:
    findings: list[Finding]
    messages: set[tuple[str, str]]


def scan_source(source: str, path: str = "<string>") -> ScanResult:
    visitor = _Visitor(path)
    visitor.visit(ast.parse(source, path))
    return ScanResult(visitor.findings, visitor.messages)


def scan_files(paths: list[Path], root: Path) -> ScanResult:
    findings: list[Finding] = []
    messages: set[tuple[str, str]] = set()
    for path in paths:
        result = scan_source(path.read_text(encoding="utf-8"), str(path.relative_to(root)))
        findings += result.findings
        messages |= result.messages
    return ScanResult(findings, messages)
