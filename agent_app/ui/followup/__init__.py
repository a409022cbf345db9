"""The follow-up screen: patient card, call script, questionnaire and wrap-up."""
