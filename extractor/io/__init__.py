"""Inputs and outputs: readers turn files into articles, writers store results.

>>> from extractor.io import ReaderOptions, iter_articles
>>> items = list(iter_articles(["missing.txt"], ReaderOptions()))
>>> str(items[0])
'missing.txt: no such file or directory'
"""

from extractor.io.readers import iter_articles
from extractor.io.records import ReaderOptions

__all__ = ["ReaderOptions", "iter_articles"]
