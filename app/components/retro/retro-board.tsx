import { useFetcher } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";
import type { BoardView } from "~/modules/retro/board.server";
import { byVotes, PHASES, phaseIndex, cardsRevealed } from "~/modules/retro/rules";
import { promptLabel } from "~/modules/retro/summary";
import { formatDate } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { BoardForm, Card, SmallButton } from "./board-parts";

type Props = { view: BoardView };

const input = "min-h-11 min-w-0 rounded-8 border border-solid-gray-600 bg-white px-3";

export function PhaseSteps({ phase }: { phase: string }) {
  const { t } = useTranslation();
  const current = phaseIndex(phase);
  return (
    <ol className="flex flex-wrap gap-1" aria-label={t("retro.phases")}>
      {PHASES.map((p, i) => (
        <li
          key={p}
          aria-current={i === current ? "step" : undefined}
          className={`rounded-full border-2 px-3 py-1 text-dns-14B-120 ${i === current ? "border-blue-900 bg-blue-900 text-white" : i < current ? "border-blue-900 bg-blue-50 text-blue-1000" : "border-solid-gray-420 bg-white text-solid-gray-700"}`}
        >
          <span className="sr-only">{i < current ? t("retro.stepDone") : i === current ? t("retro.stepCurrent") : t("retro.stepUpcoming")} </span>
          {t(`retro.phase.${p}`)}
        </li>
      ))}
    </ol>
  );
}

/**
 * Who is done with the phase (Parabol's "ready"): the count for everyone, the names on a named
 * board, and for a participant the toggle that says so (pressed once done; pressed again: not yet).
 */
export function ReadyBar({ view }: Props) {
  const { t } = useTranslation();
  const { ready, retro } = view;
  if (!ready.asked) return null;
  const phase = retro.phase;
  return (
    <section aria-label={t("retro.ready.heading")} className="flex flex-wrap items-center gap-3 rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-3">
      <p className="text-std-16B-170" role="status" data-ready-count>
        {t(`retro.ready.done.${phase}`, { done: ready.done, of: ready.of })}
        {ready.names.length > 0 ? t("retro.ready.names", { names: ready.names.join("、") }) : null}
      </p>
      {view.role === "member" ? (
        <BoardForm intent="ready" className="flex flex-wrap items-center gap-2" label={t(`retro.ready.button.${phase}`)}>
          <input type="hidden" name="ready" value={ready.mine ? "" : "on"} />
          <SmallButton aria-pressed={ready.mine} variant={ready.mine ? "primary" : "secondary"}>
            {ready.mine ? <span aria-hidden="true">✓&nbsp;</span> : null}
            {t(`retro.ready.button.${phase}`)}
          </SmallButton>
          <span className="text-dns-14N-130 text-solid-gray-700">{ready.mine ? t("retro.ready.mine") : t("retro.ready.hint")}</span>
        </BoardForm>
      ) : null}
    </section>
  );
}

export function ReviewPhase({ view }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canWrite = view.role !== "viewer" && view.retro.phase !== "closed";
  return (
    <section aria-labelledby="review-heading" className="flex flex-col gap-3">
      <h2 id="review-heading">{t("retro.reviewHeading")}</h2>
      {view.previousActions.length === 0 ? <p>{t("retro.noPreviousActions")}</p> : null}
      <ul className="flex flex-col gap-2">
        {view.previousActions.map((a) => (
          <li key={a.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-3">
            <p className="text-std-16B-170">{a.text}</p>
            <p className="text-dns-14N-130 text-solid-gray-700">
              {[a.ownerName ? t("retro.owner", { name: a.ownerName }) : null, a.dueAt ? t("retro.due", { date: formatDate(new Date(a.dueAt), locale) }) : null, t(`retro.actionStatus.${a.status}`)]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {canWrite ? (
              <BoardForm intent="review" className="flex flex-wrap gap-2" label={t("retro.reviewAction", { text: a.text })}>
                <input type="hidden" name="actionId" value={a.id} />
                {(["done", "carried", "dropped"] as const).map((d) => (
                  <SmallButton key={d} name="decision" value={d} aria-pressed={a.reviewedHere && a.status === d} variant={a.reviewedHere && a.status === d ? "primary" : "secondary"}>
                    {t(`retro.decision.${d}`)}
                  </SmallButton>
                ))}
              </BoardForm>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ReflectPhase({ view }: Props) {
  const { t } = useTranslation();
  const canWrite = view.role !== "viewer" && view.retro.phase === "reflect";
  return (
    <section aria-labelledby="cards-heading" className="flex flex-col gap-3">
      <h2 id="cards-heading">{t("retro.cards")}</h2>
      <p>{view.retro.anonymous ? t("retro.anonymousNote") : t("retro.namedNote")}</p>
      <div className="grid gap-4 md:grid-cols-3">
        {view.retro.prompts.map((p) => {
          const label = promptLabel(t, p);
          const mine = view.cards.filter((c) => c.prompt === p.key);
          return (
            <div key={p.key} className="flex flex-col gap-3 rounded-8 bg-solid-gray-50 p-3">
              <h3>{label}</h3>
              {canWrite ? (
                <BoardForm intent="addCard" className="flex flex-col gap-2" label={t("retro.addCardTo", { prompt: label })} resetOnSuccess>
                  <input type="hidden" name="prompt" value={p.key} />
                  <label className="flex flex-col gap-1">
                    <span>{t("retro.cardText", { prompt: label })}</span>
                    <textarea name="text" rows={2} maxLength={500} required className={`${input} py-2`} />
                  </label>
                  <div><SmallButton variant="primary">{t("retro.addCard")}</SmallButton></div>
                </BoardForm>
              ) : null}
              <ul className="flex flex-col gap-2" aria-label={t("retro.cardsOf", { prompt: label })}>
                {mine.map((c) => (
                  <Card key={c.id} text={c.text} meta={c.mine ? t("retro.yourCard") : c.author}>
                    {c.mine && canWrite ? (
                      <BoardForm intent="deleteCard" label={t("retro.deleteCard")}>
                        <input type="hidden" name="cardId" value={c.id} />
                        <SmallButton variant="danger">{t("form.delete")}</SmallButton>
                      </BoardForm>
                    ) : null}
                  </Card>
                ))}
              </ul>
              {view.hiddenCounts[p.key] ? <p className="text-dns-14N-130">{t("retro.hiddenCards", { count: view.hiddenCounts[p.key] })}</p> : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}

function MoveForm({ cardId, groupId, groups }: { cardId: string; groupId: string | null; groups: BoardView["groups"] }) {
  const { t } = useTranslation();
  return (
    <BoardForm intent="move" className="flex flex-wrap items-end gap-2" label={t("retro.moveCard")}>
      <input type="hidden" name="cardId" value={cardId} />
      <label className="flex flex-col gap-1 text-dns-14N-130">
        {t("retro.groupOfCard")}
        <select name="groupId" defaultValue={groupId ?? ""} className={input}>
          <option value="">{t("retro.ungrouped")}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>{g.title}</option>
          ))}
        </select>
      </label>
      <SmallButton>{t("retro.move")}</SmallButton>
    </BoardForm>
  );
}

/** Grouping: drag a card onto a group, or (keyboard) choose its group in the card's list. */
export function GroupPhase({ view }: Props) {
  const { t } = useTranslation();
  const drop = useFetcher();
  const canWrite = view.role !== "viewer" && view.retro.phase === "group";
  const label = new Map(view.retro.prompts.map((p) => [p.key, promptLabel(t, p)]));
  const onDrop = (groupId: string) => (e: React.DragEvent) => {
    e.preventDefault();
    const cardId = e.dataTransfer.getData("text/plain");
    if (cardId) drop.submit({ intent: "move", cardId, groupId }, { method: "post" });
  };
  const cardsIn = (groupId: string | null) => view.cards.filter((c) => c.groupId === groupId);
  const cardItem = (c: BoardView["cards"][number]) => (
    <Card key={c.id} text={c.text} meta={[label.get(c.prompt), c.author].filter(Boolean).join(" · ")} draggableId={canWrite ? c.id : undefined}>
      {canWrite ? <MoveForm cardId={c.id} groupId={c.groupId} groups={view.groups} /> : null}
    </Card>
  );
  return (
    <section aria-labelledby="group-heading" className="flex flex-col gap-3">
      <h2 id="group-heading">{t("retro.phase.group")}</h2>
      {canWrite ? (
        <BoardForm intent="addGroup" className="flex flex-wrap items-end gap-2" label={t("retro.addGroup")} resetOnSuccess>
          <label className="flex flex-col gap-1">
            {t("retro.groupTitle")}
            <input name="title" maxLength={80} required className={input} />
          </label>
          <SmallButton variant="primary">{t("retro.addGroup")}</SmallButton>
        </BoardForm>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <div className="flex flex-col gap-2 rounded-8 border-2 border-dashed border-solid-gray-420 p-3" onDragOver={(e) => e.preventDefault()} onDrop={onDrop("")}>
          <h3>{t("retro.ungrouped")}</h3>
          <ul className="flex flex-col gap-2">{cardsIn(null).map(cardItem)}</ul>
        </div>
        {view.groups.map((g) => (
          <div key={g.id} className="flex flex-col gap-2 rounded-8 bg-blue-50 p-3" onDragOver={(e) => e.preventDefault()} onDrop={onDrop(g.id)}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3>{g.title}</h3>
              {canWrite ? (
                <BoardForm intent="deleteGroup" label={t("retro.deleteGroup", { title: g.title })}>
                  <input type="hidden" name="groupId" value={g.id} />
                  <SmallButton variant="danger">{t("retro.deleteGroupShort")}</SmallButton>
                </BoardForm>
              ) : null}
            </div>
            <ul className="flex flex-col gap-2">{cardsIn(g.id).map(cardItem)}</ul>
          </div>
        ))}
      </div>
    </section>
  );
}

export function GroupsByVotes({ view }: Props) {
  const { t } = useTranslation();
  const phase = view.retro.phase;
  const voting = phase === "vote" && view.role !== "viewer";
  const notes = view.role === "staff" && (phase === "discuss" || phase === "actions");
  const ordered = phase === "vote" ? view.groups : byVotes(view.groups);
  const left = view.retro.voteBudget - view.myVotesUsed;
  return (
    <section aria-labelledby="groups-heading" className="flex flex-col gap-3">
      <h2 id="groups-heading">{phase === "vote" ? t("retro.phase.vote") : t("retro.groupsByVotes")}</h2>
      {voting ? <p aria-live="polite" className="text-std-18B-160">{t("retro.votesLeft", { left, budget: view.retro.voteBudget, max: view.retro.maxVotesPerGroup })}</p> : null}
      <ol className="flex flex-col gap-3">
        {ordered.map((g) => (
          <li key={g.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3>{g.title}</h3>
              <p className="text-std-16B-170">
                {phase === "vote" ? t("retro.myVotes", { count: g.myVotes }) : t("retro.votes", { count: g.votes })}
              </p>
            </div>
            <ul className="list-disc pl-6">
              {view.cards.filter((c) => c.groupId === g.id).map((c) => (
                <li key={c.id}>{c.text}{c.author ? `（${c.author}）` : ""}</li>
              ))}
            </ul>
            {voting ? (
              <BoardForm intent="vote" className="flex flex-wrap gap-2" label={t("retro.voteFor", { title: g.title })} clearOn={view.myVotesUsed}>
                <input type="hidden" name="groupId" value={g.id} />
                <SmallButton name="direction" value="add" variant="primary" aria-label={t("retro.addVote", { title: g.title })}>{t("retro.addVoteShort")}</SmallButton>
                <SmallButton name="direction" value="remove" aria-label={t("retro.removeVote", { title: g.title })} disabled={g.myVotes === 0}>{t("retro.removeVoteShort")}</SmallButton>
              </BoardForm>
            ) : null}
            {notes ? (
              <BoardForm intent="notes" className="flex flex-col gap-2" label={t("retro.notesFor", { title: g.title })}>
                <input type="hidden" name="groupId" value={g.id} />
                <label className="flex flex-col gap-1">
                  {t("retro.notes")}
                  <textarea name="notes" rows={3} defaultValue={g.notes} key={g.notes} className={`${input} py-2`} />
                </label>
                <div><SmallButton>{t("retro.saveNotes")}</SmallButton></div>
              </BoardForm>
            ) : g.notes ? (
              <blockquote className="whitespace-pre-wrap border-l-4 border-blue-900 bg-blue-50 px-3 py-2">{g.notes}</blockquote>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ActionsPhase({ view }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const phase = view.retro.phase;
  const canWrite = view.role !== "viewer" && (phase === "discuss" || phase === "actions");
  return (
    <section aria-labelledby="actions-heading" className="flex flex-col gap-3">
      <h2 id="actions-heading">{t("retro.phase.actions")}</h2>
      {view.actions.length === 0 ? <p>{t("retro.noActions")}</p> : null}
      <ul className="flex flex-col gap-2">
        {view.actions.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 rounded-8 border border-solid-gray-420 p-3">
            <div>
              <p className="text-std-16B-170">{a.text}{a.carried ? ` ${t("format.paren", { text: t("retro.carriedOver") })}` : ""}</p>
              <p className="text-dns-14N-130 text-solid-gray-700">
                {[t(`retro.actionStatus.${a.status}`), a.ownerName ? t("retro.owner", { name: a.ownerName }) : t("retro.noOwner"), a.dueAt ? t("retro.due", { date: formatDate(new Date(a.dueAt), locale) }) : null, a.teamName, a.stage ? t("retro.forStage", { stage: a.stage.title || t(`stage.key.${a.stage.key}`) }) : null]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </div>
            {canWrite && !a.carried ? (
              <BoardForm intent="deleteAction" label={t("retro.deleteAction")}>
                <input type="hidden" name="actionId" value={a.id} />
                <SmallButton variant="danger">{t("form.delete")}</SmallButton>
              </BoardForm>
            ) : null}
          </li>
        ))}
      </ul>
      {canWrite ? (
        <BoardForm intent="addAction" className="grid gap-3 rounded-8 bg-solid-gray-50 p-3 md:grid-cols-2" label={t("retro.addAction")} resetOnSuccess>
          <label className="flex flex-col gap-1 md:col-span-2">
            {t("retro.actionText")}
            <input name="text" maxLength={300} required className={input} />
          </label>
          <label className="flex flex-col gap-1">
            {t("retro.actionOwner")}
            <select name="ownerId" className={input} defaultValue="">
              <option value="">{t("retro.noOwner")}</option>
              {view.owners.map((o) => (
                <option key={o.id} value={o.id}>{o.name}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            {t("retro.actionDue")}
            <input type="date" name="dueDate" className={input} />
          </label>
          {view.retro.teamId ? null : (
            <label className="flex flex-col gap-1">
              {t("retro.actionTeam")}
              <select name="teamId" className={input} defaultValue="">
                <option value="">{t("retro.noTeam")}</option>
                {view.teams.map((tm) => (
                  <option key={tm.id} value={tm.id}>{tm.name}</option>
                ))}
              </select>
            </label>
          )}
          <label className="flex flex-col gap-1">
            {t("retro.actionStage")}
            <select name="stageId" className={input} defaultValue="">
              <option value="">{t("retro.noStage")}</option>
              {view.stages.map((s) => (
                <option key={s.id} value={s.id}>{s.title || t(`stage.key.${s.key}`)}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            {t("retro.actionGroup")}
            <select name="groupId" className={input} defaultValue="">
              <option value="">—</option>
              {view.groups.map((g) => (
                <option key={g.id} value={g.id}>{g.title}</option>
              ))}
            </select>
          </label>
          <div className="md:col-span-2"><SmallButton variant="primary">{t("retro.addAction")}</SmallButton></div>
        </BoardForm>
      ) : null}
    </section>
  );
}

/** After the writing phase: the cards still in their Keep / Problem / Try columns, read only, each with its group. */
export function CardsByPrompt({ view }: Props) {
  const { t } = useTranslation();
  const groupTitle = new Map(view.groups.map((g) => [g.id, g.title]));
  return (
    <details open className="rounded-8 border border-solid-gray-420 p-3">
      <summary className="cursor-pointer text-std-18B-160">{t("retro.cardsByPrompt")}</summary>
      <div className="mt-3 grid gap-4 md:grid-cols-3">
        {view.retro.prompts.map((p) => {
          const label = promptLabel(t, p);
          return (
            <div key={p.key} className="flex flex-col gap-2 rounded-8 bg-solid-gray-50 p-3">
              <h3>{label}</h3>
              <ul className="flex flex-col gap-2" aria-label={t("retro.cardsOf", { prompt: label })}>
                {view.cards
                  .filter((c) => c.prompt === p.key)
                  .map((c) => (
                    <Card key={c.id} text={c.text} meta={[c.groupId ? groupTitle.get(c.groupId) : t("retro.ungrouped"), c.author].filter(Boolean).join(" · ")} />
                  ))}
              </ul>
            </div>
          );
        })}
      </div>
    </details>
  );
}

export function RetroBoard({ view }: Props) {
  const phase = view.retro.phase;
  return (
    <div className="flex flex-col gap-8">
      {phase === "review" || phase === "reflect" ? <ReviewPhase view={view} /> : null}
      {phase === "reflect" || !cardsRevealed(phase) ? <ReflectPhase view={view} /> : null}
      {phase === "group" ? <GroupPhase view={view} /> : null}
      {phaseIndex(phase) >= phaseIndex("vote") ? <GroupsByVotes view={view} /> : null}
      {phaseIndex(phase) >= phaseIndex("vote") ? <CardsByPrompt view={view} /> : null}
      {phaseIndex(phase) >= phaseIndex("discuss") ? <ActionsPhase view={view} /> : null}
      {phase === "closed" ? <ReviewPhase view={view} /> : null}
    </div>
  );
}
