"""The Arabic NER stage: corpus readers, training, evaluation.

The trained pipeline ships in ``models/ner-ar`` and is loaded by
:func:`extractor.load`. Rebuild it with ``civic-facts train-ner``.
"""
