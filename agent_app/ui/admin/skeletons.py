"""Starting points for a new template or script, and sample values for the script preview."""

from __future__ import annotations

from typing import Any

NEW_TEMPLATE: dict[str, Any] = {
    "code": "new_template",
    "version": 1,
    "title": {"zh_CN": "新随访问卷", "en": "New follow-up questionnaire"},
    "specialty": "general",
    "sections": [
        {
            "id": "identity",
            "title": {"zh_CN": "身份核对", "en": "Identity check"},
            "questions": [
                {
                    "id": "identity_confirmed",
                    "type": "single",
                    "required": True,
                    "allow_unable": False,
                    "text": {
                        "zh_CN": "接听人是否为患者本人或其家属?",
                        "en": "Is the person on the phone the patient or a family member?",
                    },
                    "options": [
                        {"value": "self", "label": {"zh_CN": "患者本人", "en": "The patient"}},
                        {"value": "family", "label": {"zh_CN": "家属", "en": "Family member"}},
                        {"value": "other", "label": {"zh_CN": "其他人", "en": "Someone else"}},
                    ],
                    "jumps": [{"if": {"equals": "other"}, "to": "end"}],
                }
            ],
        },
        {
            "id": "closing",
            "title": {"zh_CN": "满意度", "en": "Satisfaction"},
            "questions": [
                {
                    "id": "satisfaction",
                    "type": "scale",
                    "required": True,
                    "min": 1,
                    "max": 5,
                    "text": {
                        "zh_CN": "您对本次住院服务的总体满意度如何?",
                        "en": "How satisfied are you with this hospital stay overall?",
                    },
                }
            ],
        },
    ],
    "result_fields": {"satisfaction": "satisfaction"},
}

NEW_SCRIPT = """[identity]
您好,请问是{patient_title}本人或家属吗?
> 非本人或家属接听时不谈病情,礼貌结束通话。
[introduction]
我是{hospital_name}{department}的随访护士{agent_name},想了解一下您出院后的恢复情况,现在方便吗?
[reminders]
您的复诊时间是{revisit_date},请按时复诊。
[closing]
感谢您的配合!有问题可拨打{hospital_phone}。祝您早日康复,再见。
"""

# Shown in the script preview so the admin reads the script as a patient would hear it.
SAMPLE_VALUES: dict[str, str | None] = {
    "patient_name": "王建国",
    "patient_title": "王先生",
    "agent_name": "李敏",
    "hospital_name": "市第一人民医院",
    "department": "心血管内科",
    "ward": "心内一病区",
    "discharge_date": "2026年11月16日",
    "days_since_discharge": "7",
    "revisit_date": "2026年12月14日",
    "diagnosis": "急性非ST段抬高型心肌梗死",
    "attending_doctor": "张伟",
    "hospital_phone": "0571-88888888",
}
