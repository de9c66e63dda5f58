import { useTranslation } from "~/utils/use-translation";
import { CheckboxGroup } from "~/components/ui/field";

export interface StaffCandidate {
  id: string;
  displayName: string;
}

/** Facilitator and coordinator pickers for an academy form. */
export function StaffCheckboxes({
  candidates,
  facilitatorIds,
  coordinatorIds,
  errorFor,
}: {
  candidates: StaffCandidate[];
  facilitatorIds: string[];
  coordinatorIds: string[];
  errorFor: (name: string) => string | undefined;
}) {
  const { t } = useTranslation();
  // Anyone in the staff pool can be a facilitator in one academy and a coordinator in another.
  const options = () => candidates.map((c) => ({ value: c.id, label: c.displayName }));
  return (
    <>
      <CheckboxGroup
        legend={t("academy.facilitators")}
        name="facilitatorIds"
        options={options()}
        defaultChecked={facilitatorIds}
        error={errorFor("facilitatorIds")}
      />
      <CheckboxGroup
        legend={t("academy.coordinators")}
        name="coordinatorIds"
        options={options()}
        defaultChecked={coordinatorIds}
        error={errorFor("coordinatorIds")}
      />
    </>
  );
}
