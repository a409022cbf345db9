"""Knowledge-base search at hospital scale, on both engines, against a bare index query.

    python -m bench.knowledge_search [--articles 10000] [--queries 60] [--seed 3]
                                     [--pg-url postgresql+psycopg://...]

The corpus: ``--articles`` variants of the shipped articles (``resources/knowledge``): each
takes one article's paragraphs in another order, a department's and a ward's name, and a
few sentences from other articles of its category, under a varied title, so the index holds
realistic Chinese text (about 400 characters an article) with the same words many times over.

Queries: ``--queries`` per length class (1, 2, 3, 4+ characters), each a stretch of Chinese
characters cut from a random article (so most hit, as a nurse's query would) and a few that
miss, the same list on both engines. Each query is timed as the search panel runs it:
``search_articles`` with the ranking, the fetch of the page of hits and their snippets.

- **Desk**: the real encrypted store (SQLCipher, key from the keyring) filled through the
  model, so the triggers build both FTS5 indexes. Floor: a bare ``MATCH`` on the index that
  answers that length (trigram for 3+, the character-and-pair index for 1-2), row ids only,
  ``LIMIT 30``.
- **Server**: the articles loaded as the owner, searched as a staff login (an agent) under
  row-level security. Floor: the bare GIN query (``search_grams @> pairs``, with the
  ``strpos`` check for 3+ characters) as the superuser, ids only, ``LIMIT 30``.

Prints p50/p95 per length class and engine, and the ratio to the floor. Goal: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from agent_app.domain.knowledge import ArticleText, fold_case, query_grams, search_query
from agent_app.store.engine import create_server_engine, open_local_store
from agent_app.store.repositories.knowledge_import import (
    SHIPPED_ARTICLES,
    import_articles,
    read_folder,
)
from agent_app.store.repositories.knowledge_search import (
    PAGE,
    SHORT_QUERY,
    fts_phrase,
    search_articles,
)
from agent_app.sync.logins import provision_staff_login
from bench.bench_server import bench_server, fresh_database

DEPARTMENTS = (
    ("CARD", "心血管内科"), ("GSUR", "普外科"), ("ORTH", "骨科"), ("OBST", "产科"),
    ("NEUR", "神经内科"), ("RESP", "呼吸内科"), ("GAST", "消化内科"), ("ONCO", "肿瘤科"),
    ("ENDO", "内分泌科"), ("UROL", "泌尿外科"), ("PEDI", "儿科"), ("NEPH", "肾内科"),
    ("FUC", "随访中心"),
)  # fmt: skip
TITLE_FORMS = ("{t}", "{t}({d})", "{d}:{t}", "{t}——常见问题", "{t}(出院指导)", "关于{t}")
CLASSES = ("1", "2", "3", "4+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{6,}")


def variants(count: int, seed: int) -> list[ArticleText]:
    """``count`` realistic articles made from the shipped ones (see the module text)."""
    rng = random.Random(seed)
    base = read_folder(SHIPPED_ARTICLES)
    by_category: dict[str, list[str]] = {}
    for article in base:
        sentences = [s for s in re.split(r"(?<=[。！？])", article.body) if s.strip()]
        by_category.setdefault(article.category.value, []).extend(sentences)
    made: list[ArticleText] = []
    for n in range(count):
        source = base[n % len(base)]
        code, name = DEPARTMENTS[rng.randrange(len(DEPARTMENTS))]
        paragraphs = source.body.split("\n\n")
        head, rest = paragraphs[0], paragraphs[1:]
        rng.shuffle(rest)
        extra = rng.sample(by_category[source.category.value], 3)
        ward = f"{name}{rng.randint(1, 4)}病区"
        body = "\n\n".join(
            [f"本文适用于{ward}出院患者。{head}", *rest, "补充说明:" + "".join(extra)]
        )
        title = rng.choice(TITLE_FORMS).format(t=source.title, d=name)[:120]
        made.append(
            ArticleText(
                f"{source.slug[:48]}-{n}",
                title,
                source.category,
                code,
                source.may_read_to_patient,
                dt.date(2027, 1, 1) + dt.timedelta(days=rng.randrange(365)),
                body[:20_000],
            )
        )
    return made


def queries(articles: list[ArticleText], per_class: int, seed: int) -> dict[str, list[str]]:
    """Per length class, stretches of Chinese cut from random articles, and a few misses."""
    rng = random.Random(seed + 1)
    runs = [run for a in articles[:500] for run in _CJK_RUN.findall(a.title + a.body)]
    misses = {"1": "鑫", "2": "量子", "3": "火箭发", "4+": "量子力学原理"}
    wanted: dict[str, list[str]] = {}
    for name, (low, high) in zip(CLASSES, ((1, 1), (2, 2), (3, 3), (4, 6)), strict=True):
        picked = []
        for _ in range(per_class - 2):
            run = rng.choice(runs)
            size = rng.randint(low, high)
            start = rng.randrange(len(run) - size + 1)
            picked.append(run[start : start + size])
        wanted[name] = picked + [misses[name]] * 2
    return wanted


def _timed(fn: Callable[[], object]) -> float:
    """One run, in milliseconds."""
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _warm(run: Callable[[str], object], wanted: dict[str, list[str]]) -> None:
    """One untimed pass over every query: the store's pages in the OS cache, as on a desk
    that has been searching; each query is then timed once."""
    for texts in wanted.values():
        for query in texts:
            run(query)


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def report(engine_name: str, app: dict[str, list[float]], floor: dict[str, list[float]]) -> None:
    for name in CLASSES:
        a50, a95 = _p(app[name], 50), _p(app[name], 95)
        f50, f95 = _p(floor[name], 50), _p(floor[name], 95)
        verdict = "ok" if a95 <= 50 else "OVER 50 ms"
        ratio = a95 / max(f95, 1e-3)
        print(
            f"  {engine_name:<7} {name:>3} chars: search p50 {a50:6.2f} ms  p95 {a95:6.2f} ms"
            f"   floor p50 {f50:6.2f} ms  p95 {f95:6.2f} ms   ratio p95 {ratio:5.1f}x"
            f"   {verdict}"
        )


def _departments(engine: Engine) -> None:
    with engine.begin() as connection:
        for number, (code, name) in enumerate(DEPARTMENTS, 1):
            connection.execute(
                text(
                    "INSERT INTO department (id, code, name, name_en, change_seq) "
                    "VALUES (:i, :c, :n, :c, 0)"
                ),
                {"i": number, "c": code, "n": name},
            )


def _load(engine: Engine, articles: list[ArticleText]) -> float:
    started = time.perf_counter()
    for at in range(0, len(articles), 1000):
        import_articles(engine, articles[at : at + 1000], staff_id=None)
    return time.perf_counter() - started


def measure_desk(
    articles: list[ArticleText], wanted: dict[str, list[str]]
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    with tempfile.TemporaryDirectory(prefix="bench-knowledge-") as folder:
        engine = open_local_store(Path(folder) / "store.sqlite3")
        _departments(engine)
        seconds = _load(engine, articles)
        size = (Path(folder) / "store.sqlite3").stat().st_size / 1e6
        print(f"desk: {len(articles):,} articles loaded in {seconds:.1f} s; store {size:.0f} MB")
        app: dict[str, list[float]] = {}
        floor: dict[str, list[float]] = {}
        _warm(lambda q: search_articles(engine, q), wanted)
        with engine.connect() as connection:
            for name, texts in wanted.items():
                for query in texts:
                    q = fold_case(search_query(query))
                    index = "knowledge_fts" if len(q) >= SHORT_QUERY else "knowledge_gram"
                    bare = text(f"SELECT rowid FROM {index} WHERE {index} MATCH :m LIMIT {PAGE}")
                    floor.setdefault(name, []).append(
                        _timed(
                            lambda b=bare, q=q: connection.execute(b, {"m": fts_phrase(q)}).all()
                        )
                    )
                    app.setdefault(name, []).append(
                        _timed(lambda q=query: search_articles(engine, q))
                    )
        engine.dispose()
    return app, floor


def measure_server(
    admin_url: str, articles: list[ArticleText], wanted: dict[str, list[str]]
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    owner = fresh_database(admin_url, "bench_knowledge")
    _departments(owner)
    with owner.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO staff (id, username, full_name, role, title, department_id, "
                "password_hash, sip_account, extension, active, change_seq) VALUES "
                "(1, 'kb_agent', '随访员', 'agent', '', 1, '', '', '', true, 0)"
            )
        )
    seconds = _load(owner, articles)
    with owner.begin() as connection:
        connection.exec_driver_sql("ANALYZE knowledge_article")
    print(f"server: {len(articles):,} articles loaded in {seconds:.1f} s")
    password = uuid.uuid4().hex  # made here, used here: never on a command line
    provision_staff_login(owner, "kb_agent", password)
    url = make_url(admin_url).set(database="bench_knowledge")
    agent = create_server_engine(url.set(username="kb_agent", password=password))
    bare = text(
        "SELECT id FROM knowledge_article WHERE search_grams "
        "@> CAST(:g AS text[]) AND (NOT :check OR strpos(lower(title), :q) > 0 "
        f"OR strpos(lower(body), :q) > 0) LIMIT {PAGE}"
    )
    app: dict[str, list[float]] = {}
    floor: dict[str, list[float]] = {}
    _warm(lambda q: search_articles(agent, q), wanted)
    with owner.connect() as connection:
        for name, texts in wanted.items():
            for query in texts:
                q = fold_case(search_query(query))
                params = {"g": query_grams(q), "check": len(q) >= SHORT_QUERY, "q": q}
                floor.setdefault(name, []).append(
                    _timed(lambda p=params: connection.execute(bare, p).all())
                )
                app.setdefault(name, []).append(_timed(lambda q=query: search_articles(agent, q)))
    agent.dispose()
    owner.dispose()
    return app, floor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=60, help="per length class")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--pg-url", default=None, help="an admin URL; default: a throwaway server")
    args = parser.parse_args()
    articles = variants(args.articles, args.seed)
    wanted = queries(articles, args.queries, args.seed)
    chars = sum(len(a.body) for a in articles) / len(articles)
    print(
        f"knowledge search: {len(articles):,} articles (mean {chars:.0f} characters), "
        f"{args.queries} queries per length class, seed {args.seed}; each timed once after a "
        "warm-up pass"
    )
    desk = measure_desk(articles, wanted)
    with bench_server(args.pg_url) as admin_url:
        server = measure_server(admin_url, articles, wanted)
    print("results (goal: p95 <= 50 ms):")
    report("desk", *desk)
    report("server", *server)


if __name__ == "__main__":
    main()
