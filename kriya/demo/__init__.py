"""The demo council and the synthetic national data set: data made for trying Kriya.

It calls the domain apps' services and models; no domain app imports it.
"""
