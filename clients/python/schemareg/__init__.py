"""schemareg: the registry's Python client for Glue jobs and Lambda functions (standard library only).

    from schemareg import Resolver, PipelineRun
    resolver = Resolver("http://registry:8081", token)
    schema = resolver.resolve("finance.gdp.invoice:latest")   # .fqid, .payload, .content_hash, .stale
    run = PipelineRun(resolver, "finance_gdp_transform", "jr-2a8bc9a1b1").start()
    passed = run.validate(rows).passed
    run.complete()
"""

from .errors import RegistryError, RegistryUnavailable, SchemaFetchTimeout
from .metrics import Histogram, ResolverMetrics
from .resolver import ResolvedSchema, Resolver
from .run import BatchResult, PipelineRun, validate_partition
from .validation import Issue, LocalValidator

__version__ = "0.1.0"

__all__ = [
    "BatchResult", "Histogram", "Issue", "LocalValidator", "PipelineRun", "RegistryError", "RegistryUnavailable",
    "ResolvedSchema", "Resolver", "ResolverMetrics", "SchemaFetchTimeout", "validate_partition", "__version__",
]
