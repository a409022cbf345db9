"""The follow-up call desk: the agent's desktop for hospital patient follow-up."""

__version__ = "0.1.0"
APP_NAME = "agent-app"
