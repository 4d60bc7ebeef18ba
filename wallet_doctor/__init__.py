"""wallet-doctor: a bilingual troubleshooting wizard for digital wallets, driven by YAML decision trees."""

__version__ = "0.1.0"
