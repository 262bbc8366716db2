"""A local Spark session for the Spark build's tests (``spark`` marker: run by make quality and .ci/run)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "spark" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.spark)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """``local[2]``, as the equality goals are stated. The driver refuses any result over 1 MiB
    (``spark.driver.maxResultSize``): a stage that collected a pile's texts onto the driver fails the
    test instead of passing unseen."""
    pytest.importorskip("pyspark", reason="needs the [spark] extra (pip install -e '.[test,spark]')")
    if shutil.which("java") is None:
        pytest.skip("needs Java 17 or newer on the PATH for Spark")
    from newsdossier.spark.job import session

    spark = session("local[2]", partitions=4, app="newsdossier-tests", conf={"spark.driver.maxResultSize": "1m"})
    yield spark
    spark.stop()
