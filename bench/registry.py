"""The register (issue: registry). Benchmarks are added here."""
