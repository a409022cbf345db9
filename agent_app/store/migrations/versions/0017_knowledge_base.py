"""knowledge base: articles, Chinese full-text search on both engines, row security, sync

Revision ID: 0017
Revises: 0015
Create Date: 2026-12-03 13:30:00

**Both stores.** ``knowledge_article`` (uuid key, so a supervisor's desk can write one offline
and push it): slug, title, category, owner department, "may be read to the patient", review
date, state (draft / approved / retired), body.

**Desk (SQLite).** Two search indexes kept by triggers on the article table:

- ``knowledge_fts``: FTS5 with the ``trigram`` tokenizer over title, body and state (external
  content: the article table, by rowid), for queries of three characters or more: a quoted
  query is a substring match, case-blind; the state column lets the index
  alone keep drafts out, without reading the rows of every hit.
- ``knowledge_gram``: FTS5, contentless, ``detail=column``, over the distinct characters and
  overlapping character pairs of title and body as space-separated tokens, for one- and
  two-character queries, which the trigram index cannot answer except by reading every row.
  A one-character query is the token itself, a two-character one the pair: an exact answer
  from an index lookup. The alternative, ``LIKE '%x%'`` over the text, reads and decrypts every
  article's pages (SQLCipher) for each keystroke; the pair index costs about one more row of
  postings per distinct pair and keeps a short query as fast as a long one
  (``bench/knowledge_search.py``). Triggers may not use WITH, so the pairs come from
  ``knowledge_gram_pos``, a table of positions 1..20,121 (the longest title and body).

**Server (PostgreSQL).** Not ``pg_trgm``: it ships with Debian's postgresql-15 (contrib is in
the server package) and a database owner may create it (trusted since PostgreSQL 13), but it
takes trigrams only from characters the database's LC_CTYPE calls alphanumeric, and under the
``C`` locale that many clusters (and the test harness) use ``show_trgm('术后伤口护理')`` is
empty: the index cannot narrow a Chinese query at all. Instead ``kb_grams(text)`` (IMMUTABLE,
plain SQL) lists a text's distinct characters and character pairs into the stored generated
column ``search_grams`` (server only, not in the models: computed once per write, so neither
a scan nor an index recheck computes it again), and a GIN index over it finds the articles
holding every pair of the query (``@>``); a query of three or more characters is then checked
with ``strpos``. It works under
any locale, needs no extension and no privilege beyond owning the table.

Row-level security like the other reference tables, with a department line: every staff login
reads approved articles (the internal-only ones too: every reader is staff); drafts and
retired ones only the owner department's supervisors and the administrators; only they insert
and update (``updated_by`` must be the writer); nobody deletes (an article is retired). The
table is change-tracked (``change_seq``/``change_xid`` as in 0002), pulled by desks and
announced on ``desk_change`` to every desk (``*``, as reference tables are, 0013).
``sync_apply`` takes ``insert``/``update`` of ``knowledge_article`` from a supervisor's desk
as an upsert by id, as the writer, so the policies above decide.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from agent_app.store.migrations.function_edits import edit_function, undo_edits

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

GRAM_POSITIONS = 20_121  # MAX_TITLE + 1 + MAX_BODY (agent_app.domain.knowledge)
_HAS_ROLES = "SELECT count(*) FROM pg_roles WHERE rolname IN ('desk_supervisor', 'desk_admin')"


def _grams(text: str) -> str:
    """SQL for the space-separated distinct characters and pairs of the text ``text``."""
    text = f"lower({text})"
    return (
        "(SELECT coalesce(group_concat(g, ' '), '') FROM ("
        f"SELECT substr({text}, n, 1) AS g FROM knowledge_gram_pos WHERE n <= length({text}) "
        f"UNION SELECT substr({text}, n, 2) FROM knowledge_gram_pos "
        f"WHERE n < length({text})))"
    )


def _desk_triggers() -> list[str]:
    add = (
        "INSERT INTO knowledge_fts (rowid, title, body, state) "
        "VALUES (new.rowid, new.title, new.body, new.state); "
        "INSERT INTO knowledge_gram (rowid, title, body, state) VALUES "
        f"(new.rowid, {_grams('new.title')}, {_grams('new.body')}, new.state); "
    )
    drop = (
        "INSERT INTO knowledge_fts (knowledge_fts, rowid, title, body, state) "
        "VALUES ('delete', old.rowid, old.title, old.body, old.state); "
        "INSERT INTO knowledge_gram (knowledge_gram, rowid, title, body, state) VALUES "
        f"('delete', old.rowid, {_grams('old.title')}, {_grams('old.body')}, old.state); "
    )
    return [
        f"CREATE TRIGGER knowledge_article_search_ins AFTER INSERT ON knowledge_article "
        f"BEGIN {add}END",
        f"CREATE TRIGGER knowledge_article_search_del AFTER DELETE ON knowledge_article "
        f"BEGIN {drop}END",
        "CREATE TRIGGER knowledge_article_search_upd AFTER UPDATE OF title, body, state "
        f"ON knowledge_article BEGIN {drop}{add}END",
    ]


# Characters from string_to_array (C), pairs with lead(): about 3 ms for 1,000 characters, a
# seventh of substr() over generate_series. It runs once per write, into the stored column.
GRAMS_FUNCTION = """
CREATE FUNCTION kb_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce(array_agg(DISTINCT g) FILTER (WHERE btrim(g) <> ''), '{}') FROM (
        SELECT unnest(ARRAY[c, c || coalesce(lead(c) OVER (ORDER BY i), '')]) AS g
        FROM unnest(string_to_array(lower(t), NULL)) WITH ORDINALITY AS x(c, i)) y
$$;
"""

# Row-level security keeps the planner from using the GIN index for a staff login: ``@>`` is
# not LEAKPROOF, so it may not run before the policy and a search reads every row (0.4 s at
# 10,000 articles). The search is therefore this SECURITY DEFINER function, which returns
# approved articles only (the rows every staff login may read anyway), to an active staff
# login or a non-staff session that may EXECUTE it (the owner); nobody else may call it.
_FOUND = """
    FROM knowledge_article a JOIN department d ON d.id = a.department_id
    WHERE (desk_staff_id() IS NOT NULL OR NOT desk_is_staff_login())
      AND a.state = 'approved'
      AND a.search_grams @> grams
      AND (NOT checked OR strpos(lower(a.title), wanted) > 0
           OR strpos(lower(a.body), wanted) > 0)"""
# Title hits, then the others, each branch with a LIMIT and no ORDER BY of its own, so a
# common character stops at the page instead of sorting every article that holds it.
SEARCH_FUNCTION = f"""
CREATE FUNCTION desk_kb_search(grams text[], wanted text, checked boolean, page integer)
RETURNS TABLE (id uuid, slug text, title text, category text, department_name text,
               may_read_to_patient boolean, body text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT x.id, x.slug, x.title, x.category, x.department_name, x.may_read_to_patient, x.body
    FROM (
        (SELECT a.id, a.slug, a.title, a.category, d.name AS department_name,
                a.may_read_to_patient, a.body, 0 AS tier {_FOUND}
           AND strpos(lower(a.title), wanted) > 0
         LIMIT least(greatest(page, 0), 100))
        UNION ALL
        (SELECT a.id, a.slug, a.title, a.category, d.name, a.may_read_to_patient, a.body, 1
         {_FOUND}
           AND strpos(lower(a.title), wanted) = 0
         LIMIT least(greatest(page, 0), 100))
    ) x
    ORDER BY x.tier, x.title
    LIMIT least(greatest(page, 0), 100)
$$;
"""

_ROLE = "(SELECT me.role FROM desk_staff() me)"
_EDITOR = (
    f"({_ROLE} = 'admin' OR ({_ROLE} = 'supervisor' "
    "AND department_id = (SELECT desk_staff_department())))"
)
_WRITTEN = (
    "id, slug, title, category, department_id, may_read_to_patient, review_date, state, body, "
    "updated_by, updated_at"
)
SECURITY = (
    "ALTER TABLE knowledge_article ENABLE ROW LEVEL SECURITY",
    "GRANT SELECT ON knowledge_article TO desk_staff",
    f"GRANT INSERT ({_WRITTEN}), UPDATE ({_WRITTEN}) ON knowledge_article "
    "TO desk_supervisor, desk_admin",
    "CREATE POLICY knowledge_article_read ON knowledge_article FOR SELECT TO desk_staff "
    f"USING (state = 'approved' OR {_EDITOR})",
    "CREATE POLICY knowledge_article_add ON knowledge_article FOR INSERT "
    f"TO desk_supervisor, desk_admin WITH CHECK ({_EDITOR} "
    "AND updated_by = (SELECT desk_staff_id()))",
    "CREATE POLICY knowledge_article_change ON knowledge_article FOR UPDATE "
    f"TO desk_supervisor, desk_admin USING ({_EDITOR}) WITH CHECK ({_EDITOR} "
    "AND updated_by = (SELECT desk_staff_id()))",
)

# (old text, new text) in sync_apply, as the function stands after 0015.
_ANCHOR = (
    "    ELSE\n        RAISE EXCEPTION USING ERRCODE = 'SY001',\n"
    "            MESSAGE = format('the server does not accept"
)
_APPLY_EDITS: tuple[tuple[str, str], ...] = (
    (
        _ANCHOR,
        "    ELSIF tbl = 'knowledge_article' AND op IN ('insert', 'update') THEN\n"
        f"        INSERT INTO knowledge_article ({_WRITTEN})\n"
        "        SELECT r.id, r.slug, r.title, r.category, r.department_id,\n"
        "               r.may_read_to_patient, r.review_date, r.state, r.body, actor, now()\n"
        "        FROM jsonb_populate_record(NULL::knowledge_article, p) r\n"
        "        ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, title = EXCLUDED.title,\n"
        "            category = EXCLUDED.category, department_id = EXCLUDED.department_id,\n"
        "            may_read_to_patient = EXCLUDED.may_read_to_patient,\n"
        "            review_date = EXCLUDED.review_date, state = EXCLUDED.state,\n"
        "            body = EXCLUDED.body, updated_by = EXCLUDED.updated_by,\n"
        "            updated_at = EXCLUDED.updated_at;\n" + _ANCHOR,
    ),
)


def _server(connection: sa.Connection) -> bool:
    return (
        connection.dialect.name == "postgresql"
        and connection.exec_driver_sql(_HAS_ROLES).scalar() == 2
    )


def upgrade() -> None:
    op.create_table(
        "knowledge_article",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("slug", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column(
            "department_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("may_read_to_patient", sa.Boolean(), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "updated_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("change_seq", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_knowledge_article_department_id_department"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["staff.id"], name=op.f("fk_knowledge_article_updated_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_article")),
        sa.UniqueConstraint("slug", name=op.f("uq_knowledge_article_slug")),
    )
    with op.batch_alter_table("knowledge_article", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_knowledge_article_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_knowledge_article_department_id"), ["department_id"], unique=False
        )
        batch_op.create_index(
            "ix_knowledge_article_state_review", ["state", "review_date"], unique=False
        )
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        op.execute("CREATE TABLE knowledge_gram_pos (n INTEGER PRIMARY KEY)")
        op.execute(
            "INSERT INTO knowledge_gram_pos (n) WITH RECURSIVE p(n) AS "
            f"(SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < {GRAM_POSITIONS}) SELECT n FROM p"
        )
        op.execute(
            "CREATE VIRTUAL TABLE knowledge_fts USING fts5(title, body, state, "
            "content='knowledge_article', tokenize='trigram')"
        )
        op.execute(
            "CREATE VIRTUAL TABLE knowledge_gram USING fts5(title, body, state, content='', "
            "detail=column, "
            "tokenize='unicode61')"
        )
        for trigger in _desk_triggers():
            op.execute(trigger)
        return
    if not _server(connection):
        return
    op.execute("ALTER TABLE knowledge_article ADD COLUMN change_xid xid8 NOT NULL")
    op.execute(
        "CREATE INDEX ix_knowledge_article_change_cursor ON knowledge_article "
        "(change_xid, change_seq)"
    )
    op.execute(
        "CREATE TRIGGER knowledge_article_sync_stamp BEFORE INSERT OR UPDATE ON "
        "knowledge_article FOR EACH ROW EXECUTE FUNCTION sync_stamp_change()"
    )
    for event in ("insert", "update"):
        op.execute(
            f"CREATE TRIGGER knowledge_article_notify_{event} AFTER {event.upper()} ON "
            "knowledge_article REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
            "EXECUTE FUNCTION sync_notify_change()"
        )
    op.execute(GRAMS_FUNCTION)
    op.execute("REVOKE EXECUTE ON FUNCTION kb_grams(text) FROM PUBLIC")
    op.execute("GRANT EXECUTE ON FUNCTION kb_grams(text) TO desk_staff")
    op.execute(
        "ALTER TABLE knowledge_article ADD COLUMN search_grams text[] "
        "GENERATED ALWAYS AS (kb_grams(title || ' ' || body)) STORED"
    )
    op.execute(
        "CREATE INDEX ix_knowledge_article_grams ON knowledge_article USING gin (search_grams)"
    )
    for statement in SECURITY:
        op.execute(statement)
    op.execute(SEARCH_FUNCTION)
    op.execute("REVOKE EXECUTE ON FUNCTION desk_kb_search(text[], text, boolean, integer) "
               "FROM PUBLIC")  # fmt: skip
    op.execute("GRANT EXECUTE ON FUNCTION desk_kb_search(text[], text, boolean, integer) "
               "TO desk_staff")  # fmt: skip
    edit_function(connection, "sync_apply(jsonb)", _APPLY_EDITS)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for name in ("ins", "del", "upd"):
            op.execute(f"DROP TRIGGER knowledge_article_search_{name}")
        op.execute("DROP TABLE knowledge_gram")
        op.execute("DROP TABLE knowledge_fts")
        op.execute("DROP TABLE knowledge_gram_pos")
    elif _server(connection):
        edit_function(connection, "sync_apply(jsonb)", undo_edits(_APPLY_EDITS))
    op.drop_table("knowledge_article")
    if connection.dialect.name == "postgresql" and _server(connection):
        op.execute("DROP FUNCTION desk_kb_search(text[], text, boolean, integer)")
        op.execute("DROP FUNCTION kb_grams(text)")
