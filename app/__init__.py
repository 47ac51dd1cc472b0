"""Pathways: offline case management for restorative justice and diversion schemes."""

__version__ = "0.1.0"
