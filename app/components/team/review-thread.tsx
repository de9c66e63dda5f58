import { useNavigation } from "@remix-run/react";
import { ExtensionSchema, ReviewSchema } from "~/modules/deliverable/schemas";
import { ActionForm } from "~/components/ui/action-form";
import { useTranslation } from "~/utils/use-translation";
import { formatDate, formatDateTime, toTokyoDateInput } from "~/utils/dates";
import { useLocale } from "~/utils/use-locale";
import { Button } from "~/components/ui/button";
import { TextareaField, SelectField } from "~/components/ui/field";
import { TextField } from "~/components/ui/text-field";

interface Comment {
  id: string;
  kind: string;
  body: string;
  author: string;
  versionNumber: number | null;
  createdAt: string | Date;
  scores: Record<string, number>;
}

const KIND_STYLE: Record<string, string> = {
  accepted: "border-green-900 bg-green-50",
  revision_requested: "border-warning-yellow-2 bg-yellow-50",
  comment: "border-solid-gray-420 bg-white",
};

/** The thread of a deliverable: decisions stand out from comments, each with its version and rubric scores. */
export function ReviewThread({ comments, rubric }: { comments: Comment[]; rubric: string[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (comments.length === 0) return <p>{t("review.noComments")}</p>;
  return (
    <ol className="flex flex-col gap-3">
      {comments.map((c) => (
        <li key={c.id} className={`rounded-8 border-2 p-4 ${KIND_STYLE[c.kind] ?? KIND_STYLE.comment}`}>
          <p className="text-dns-14N-130 text-solid-gray-800">
            <span className="text-dns-16B-120">{c.author || t("review.someone")}</span> · {formatDateTime(new Date(c.createdAt), locale)}
            {c.versionNumber ? ` · ${t("review.onVersion", { n: c.versionNumber })}` : ""}
          </p>
          {c.kind !== "comment" ? <p className="text-std-16B-170">{t(`review.kind.${c.kind}`)}</p> : null}
          {c.body ? <p className="whitespace-pre-wrap">{c.body}</p> : null}
          {Object.keys(c.scores).length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-3 text-dns-14N-130">
              {rubric
                .filter((k) => c.scores[k])
                .map((k) => (
                  <li key={k}>{t("review.scoreLine", { criterion: t(`rubric.${k}`), score: c.scores[k] })}</li>
                ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** A comment for everyone in the thread; for the reviewer also accept / send back, with optional rubric scores. */
export function ReviewForm({
  canDecide,
  rubric,
  versionNumber,
  actionData,
  next = null,
}: {
  canDecide: boolean;
  rubric: string[];
  versionNumber: number;
  actionData?: { reason?: string; fieldErrors: Record<string, string>; values: Record<string, string> };
  /** the next submission waiting for this reviewer: offered to open after deciding */
  next?: { url: string; label: string } | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && ["review", "comment"].includes(String(navigation.formData?.get("intent")));
  return (
    <ActionForm schema={ReviewSchema} className="flex max-w-3xl flex-col gap-4">
      <input type="hidden" name="versionNumber" value={versionNumber} />
      <TextareaField name="body" label={canDecide ? t("review.bodyReviewer") : t("review.body")} hint={canDecide ? t("review.bodyHint") : undefined} rows={4} defaultValue={actionData?.values.body ?? ""} error={actionData?.fieldErrors.body} />
      {canDecide ? (
        <>
          <fieldset className="flex flex-col gap-2">
            <legend className="text-std-16B-170">{t("review.rubric")}</legend>
            <p className="text-dns-14N-130 text-solid-gray-700">{t("review.rubricHint")}</p>
            <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
              {rubric.map((k) => (
                <SelectField key={k} name={`score.${k}`} label={t(`rubric.${k}`)} defaultValue={actionData?.values[`score.${k}`] ?? ""}>
                  <option value="">{t("review.noScore")}</option>
                  {[4, 3, 2, 1].map((n) => (
                    <option key={n} value={n}>
                      {t(`review.score.${n}`)}
                    </option>
                  ))}
                </SelectField>
              ))}
            </div>
          </fieldset>
          {next ? (
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="openNext" value="1" defaultChecked className="size-6 accent-blue-900" />
              {t("review.openNext", { next: next.label })}
            </label>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <input type="hidden" name="intent" value="review" />
            <Button type="submit" name="decision" value="accept" disabled={busy}>
              {t("review.accept")}
            </Button>
            <Button type="submit" name="decision" value="request_revision" variant="secondary" disabled={busy}>
              {t("review.requestRevision")}
            </Button>
            <Button type="submit" name="decision" value="comment" variant="tertiary" disabled={busy}>
              {t("review.commentOnly")}
            </Button>
          </div>
        </>
      ) : (
        <div>
          <input type="hidden" name="intent" value="comment" />
          <Button type="submit" variant="secondary" disabled={busy}>
            {t("review.postComment")}
          </Button>
        </div>
      )}
    </ActionForm>
  );
}

/** A later due date for this team (also lets it submit past the cut-off until then). */
export function ExtensionForm({
  extension,
  actionData,
}: {
  extension: { dueAt: string | Date; reason: string } | null;
  actionData?: { fieldErrors: Record<string, string>; values: Record<string, string> };
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-3">
      {extension ? (
        <p>
          {t("extension.current", { date: formatDate(new Date(extension.dueAt), locale) })}
          {extension.reason ? ` — ${extension.reason}` : ""}
        </p>
      ) : (
        <p>{t("extension.none")}</p>
      )}
      <ActionForm schema={ExtensionSchema} className="grid max-w-3xl grid-cols-1 gap-3 md:grid-cols-2">
        <input type="hidden" name="intent" value="extend" />
        <TextField type="date" name="dueDate" label={t("extension.dueDate")} required defaultValue={actionData?.values.dueDate ?? (extension ? toTokyoDateInput(new Date(extension.dueAt)) : "")} error={actionData?.fieldErrors.dueDate} />
        <TextField name="reason" label={t("extension.reason")} defaultValue={actionData?.values.reason ?? extension?.reason ?? ""} error={actionData?.fieldErrors.reason} />
        <div className="flex gap-3 md:col-span-2">
          <Button type="submit" variant="secondary">
            {t("extension.grant")}
          </Button>
        </div>
      </ActionForm>
      {extension ? (
        <ActionForm>
          <input type="hidden" name="intent" value="revokeExtension" />
          <Button type="submit" variant="tertiary" size="sm">
            {t("extension.revoke")}
          </Button>
        </ActionForm>
      ) : null}
    </div>
  );
}
