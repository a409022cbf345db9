"""Discharged patients in, follow-up tasks out: HIS extract adapters, import and plan engine.

Adapters (SQL view, CSV/XLSX file, HL7 ADT^A03 over MLLP) turn source rows into
``SourceRow``s; ``validate`` makes them ``DischargeRecord``s or rejections; ``importer`` stores
them idempotently; ``task_generator`` turns episodes into follow-up tasks by plan rules.
"""
