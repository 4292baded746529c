"""The library API made observable: metrics, JSON logs, health checks, traces, dashboards, alerts.

Shared by the `obs_*` snippets of the page "Monitoring and logging". The REST app of the APIs
chapter is imported and wrapped here, never edited.
"""
