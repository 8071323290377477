"""Jobs that ``train-ner`` runs in a second process while the CNN trains."""

from __future__ import annotations

import math
import time

import pytest

from extractor.ner.vote_train import BackgroundJob


def test_a_background_job_returns_its_value() -> None:
    assert BackgroundJob(math.factorial, 10).result() == 3628800


def test_a_background_job_raises_its_error_in_the_parent() -> None:
    with pytest.raises(ValueError, match="math domain error"):
        BackgroundJob(math.sqrt, -1).result()


def test_stopping_a_background_job_does_not_wait_for_its_end() -> None:
    job = BackgroundJob(time.sleep, 120)  # a BiLSTM training, say
    started = time.monotonic()
    job.stop()
    assert time.monotonic() - started < 30  # not the 120 s the job would take
    with pytest.raises(RuntimeError, match="the process died"):
        job.result()
    job.stop()  # stopping twice, or a finished job, is harmless
