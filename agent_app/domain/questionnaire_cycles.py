"""Refuse skip logic that goes round in a circle, in time proportional to the template.

Whether a question is shown depends on the questions its own and its section's ``show_if``
read, and on every earlier question with a jump that could skip it (and on what that jump
reads). Written out question by question, those jump dependencies grow with the square of the
template (each of 20,000 questions after 2,000 jumps to the end depends on all of them), so
the graph below shares them: a jump covers a run of later questions, and a segment tree over
the asking order hands that run to O(log n) shared nodes, which each question reaches through
its leaf. The check then walks the graph once, without recursion.
"""

from __future__ import annotations

from agent_app.domain.questionnaire_model import END, Template, TemplateError, condition_questions
from agent_app.domain.template_errors import Place, Where


def _skip_graph(template: Template) -> tuple[list[list[int]], list[str]]:
    """Edges "is shown depending on" over questions (nodes 0..n-1, in asking order) and the
    shared nodes after them; the second list names the question nodes."""
    questions = template.questions
    n = len(questions)
    names = [q.id for q in questions]
    index = {qid: i for i, qid in enumerate(names)}
    section_index = {s.id: i for i, s in enumerate(template.sections)}
    start = 0
    first_of_section: list[int] = []
    for section in template.sections:
        first_of_section.append(start)
        start += len(section.questions)
    first_of_section.append(n)  # where END's run stops: after the last question

    # Nodes: questions 0..n-1, segment-tree nodes n+1..3n-1 (node n+t is tree node t, leaves
    # t = n..2n-1 in asking order), then one node per question that has jumps.
    edges: list[list[int]] = [[] for _ in range(3 * n)]
    for position, q in enumerate(questions):
        section = template.section(q.section_id)
        reads: list[str] = []
        if section.show_if is not None:
            reads += condition_questions(section.show_if)
        if q.show_if is not None:
            reads += condition_questions(q.show_if)
        edges[position] = [index[r] for r in dict.fromkeys(reads)]
        edges[position].append(2 * n + position)  # its leaf: the jumps that could skip it
    for t in range(2, 2 * n):
        edges[n + t].append(n + t // 2)  # a run covering a tree node covers its leaves

    for position, q in enumerate(questions):
        if not q.jumps:
            continue
        jump_node = len(edges)
        reads = [q.id]
        for jump in q.jumps:
            reads += condition_questions(jump.when)
        edges.append([index[r] for r in dict.fromkeys(reads)])
        # The jump can skip every later question before the furthest section it goes to.
        reach = max(len(template.sections) if j.to == END else section_index[j.to] for j in q.jumps)
        low, high = position + 1 + n, first_of_section[reach] + n  # leaves [low, high)
        while low < high:
            if low & 1:
                edges[n + low].append(jump_node)
                low += 1
            if high & 1:
                high -= 1
                edges[n + high].append(jump_node)
            low //= 2
            high //= 2
    return edges, names


def check_skip_logic(template: Template) -> None:
    """Refuse skip logic that goes round in a circle, naming the questions on it."""
    for q in template.questions:
        if q.show_if is not None and q.id in set(condition_questions(q.show_if)):
            raise TemplateError(
                "template_show_if_own_answer",
                Where(Place.QUESTION, section=q.section_id, question=q.id),
            )
    edges, names = _skip_graph(template)
    state = [0] * len(edges)  # 1 on the current path, 2 done
    for root in range(len(names)):
        if state[root]:
            continue
        path = [root]
        next_edge = [0]
        state[root] = 1
        while path:
            node = path[-1]
            if next_edge[-1] == len(edges[node]):
                state[node] = 2
                path.pop()
                next_edge.pop()
                continue
            dep = edges[node][next_edge[-1]]
            next_edge[-1] += 1
            if state[dep] == 1:
                _refuse_cycle(path[path.index(dep) :], names)
            if state[dep] == 0:
                state[dep] = 1
                path.append(dep)
                next_edge.append(0)


def _refuse_cycle(cycle: list[int], names: list[str]) -> None:
    on_it = [names[node] for node in cycle if node < len(names)]  # shared nodes are not shown
    shown = " → ".join(f"'{c}'" for c in [*on_it, on_it[0]])
    raise TemplateError("template_skip_cycle", cycle=shown)
