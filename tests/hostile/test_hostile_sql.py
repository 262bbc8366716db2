"""No value is formatted into SQL (issue #26): every f-string or ``.format`` that builds SQL in the store, the
server and the exports interpolates only identifiers and fragments the code itself fixes (table and view names
from fixed lists, WHERE clauses of "?" placeholders, integers); values go in as parameters. A new
interpolation must be added to :data:`SAFE_IN_SQL` with the reason it is safe, or become a parameter."""

from __future__ import annotations

import ast
import re
from pathlib import Path


SOURCE = Path(__file__).resolve().parents[2] / "src" / "newsdossier"
MODULES = sorted([*(SOURCE / "store").glob("*.py"), SOURCE / "serve.py", SOURCE / "export.py"])
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|WHERE|FROM|VALUES|ORDER BY|LIMIT|OFFSET|PRAGMA|CREATE|DROP)\b|\bIN \(")

# what may be formatted into SQL, and why it is safe
SAFE_IN_SQL = {
    "table": "a table name from the code's own tuples (Pile._records, Pile.counts, Store._count)",
    "view": "checked against FLAT_VIEWS before use (Pile.table)",
    "order": "an ORDER BY written in the code (Pile._records' callers)",
    "expression": "a column expression written in the code (pile._one_of)",
    "where": "a WHERE clause of '?' placeholders (store: fixed strings)",
    "where.sql()": "conditions written in the code, values as '?' parameters (pile._Where)",
    "page": "LIMIT/OFFSET of int() (Pile._records)",
    "int(limit)": "an int", "int(offset)": "an int", "number": "a migration's number (an int)",
    "MIGRATIONS[number - 1]": "a migration script of the code's own",
    "', '.join('?' * len(wanted))": "one '?' placeholder per value (pile._one_of)",
}


def _sql_templates() -> list[tuple[str, int, list[str]]]:
    """(module, line, what is interpolated) for every f-string, .format or % that builds SQL."""
    found = []
    for module in MODULES:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                text = "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
                if SQL.search(text):
                    found.append((module.name, node.lineno, [ast.unparse(v.value) for v in node.values
                                                             if isinstance(v, ast.FormattedValue)]))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
                if isinstance(node.func.value, ast.Name) and node.func.value.id.isupper() or (
                        isinstance(node.func.value, ast.Constant) and SQL.search(str(node.func.value.value))):
                    found.append((module.name, node.lineno, [ast.unparse(a) for a in [*node.args, *node.keywords]]))
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
                    and SQL.search(str(node.left.value)):
                found.append((module.name, node.lineno, ["% " + ast.unparse(node.right)]))
    return found


def test_the_scan_sees_the_sql_it_must_check() -> None:
    found = _sql_templates()
    assert any(name == "pile.py" and "where.sql()" in values for name, _, values in found)
    assert any(name == "pile.py" and "', '.join('?' * len(wanted))" in values for name, _, values in found)


def test_only_identifiers_and_placeholders_are_formatted_into_sql() -> None:
    unsafe = [f"{module}:{line} formats {value}" for module, line, values in _sql_templates()
              for value in (v.removeprefix("where=") for v in values)
              if value not in SAFE_IN_SQL and not re.fullmatch(r"[A-Z][A-Z0-9_]*", value.lstrip("_"))]
    assert not unsafe, f"{unsafe} into SQL: pass values as '?' parameters"
