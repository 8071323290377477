"""Engines that run the extractor over a stream of articles (see ``extractor.engine``)."""
