"""civic-facts: extract civic-event facts from Arabic news articles.

>>> from extractor import extract
>>> facts = extract(text, published="2015-08-06")  # doctest: +SKIP
"""

from extractor.api import Article, Extractor, extract, extract_many, load
from extractor.schema import ArticleFacts

__version__ = "0.1.0"
__all__ = [
    "Article",
    "ArticleFacts",
    "Extractor",
    "__version__",
    "extract",
    "extract_many",
    "load",
]
