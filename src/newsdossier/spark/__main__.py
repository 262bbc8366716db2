"""``spark-submit .../newsdossier/spark/__main__.py build INPUT... --out DIR``: the Spark build, as
``newsdossier spark build`` runs it (see docs/spark.md for packaging the wheel and the model)."""

from __future__ import annotations

import sys

from newsdossier.cli import main

if __name__ == "__main__":
    sys.exit(main(["spark", *sys.argv[1:]]))
