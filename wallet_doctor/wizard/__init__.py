"""The interactive wizard: the flow (flow.py) with its parts (diagnosis.py, case_report.py, resuming.py,
steps.py) over questionary prompts (prompter.py), with CJK-aware wrapping (wrap.py). It holds no diagnostic
logic of its own; every answer goes through the engine."""

from __future__ import annotations

from wallet_doctor.wizard.flow import Wizard, run_wizard
from wallet_doctor.wizard.prompter import Action, Prompter

__all__ = ["Action", "Prompter", "Wizard", "run_wizard"]
