"""All tables of the data model; importing this package registers them on ``Base.metadata``."""

from agent_app.store.schema.alerts import RedFlagAlert
from agent_app.store.schema.base import Base
from agent_app.store.schema.calendar import CallingException
from agent_app.store.schema.calls import (
    AuditLog,
    Blacklist,
    CallAttempt,
    Complaint,
    FollowupResult,
    QaReview,
    Recording,
    SmsMessage,
)
from agent_app.store.schema.followup import (
    CallScript,
    FollowupPlan,
    FollowupTask,
    QuestionnaireTemplate,
)
from agent_app.store.schema.his import (
    HisEpisodeLink,
    HisImportRun,
    HisRejectedRow,
    HisWatermark,
)
from agent_app.store.schema.knowledge import KnowledgeArticle
from agent_app.store.schema.local import Outbox, ProvisionalKey, SignInGuardState, SyncState
from agent_app.store.schema.people import Contact, Department, Episode, Patient, Staff
from agent_app.store.schema.sms_templates import SmsTemplate
from agent_app.store.schema.supervision import SamplingRun
from agent_app.store.schema.tallies import (
    StatsAnswerTally,
    StatsCallSpan,
    StatsCallTally,
    StatsEpisodeFact,
    StatsRevisitTally,
    StatsSatisfactionTally,
    StatsSurvivalTally,
    StatsTallyState,
    StatsTaskFact,
    StatsTaskNext,
    StatsTaskTally,
    StatsWriterTally,
)
from agent_app.store.schema.transfer import TransferTarget

__all__ = [
    "AuditLog",
    "Base",
    "Blacklist",
    "CallAttempt",
    "CallScript",
    "CallingException",
    "Complaint",
    "Contact",
    "Department",
    "Episode",
    "FollowupPlan",
    "FollowupResult",
    "FollowupTask",
    "HisEpisodeLink",
    "HisImportRun",
    "HisRejectedRow",
    "HisWatermark",
    "KnowledgeArticle",
    "Outbox",
    "Patient",
    "ProvisionalKey",
    "QaReview",
    "QuestionnaireTemplate",
    "Recording",
    "RedFlagAlert",
    "SamplingRun",
    "SignInGuardState",
    "SmsMessage",
    "SmsTemplate",
    "Staff",
    "StatsAnswerTally",
    "StatsCallSpan",
    "StatsCallTally",
    "StatsEpisodeFact",
    "StatsRevisitTally",
    "StatsSatisfactionTally",
    "StatsSurvivalTally",
    "StatsTallyState",
    "StatsTaskFact",
    "StatsTaskNext",
    "StatsTaskTally",
    "StatsWriterTally",
    "SyncState",
    "TransferTarget",
]
