import { useTranslation } from "react-i18next";
import { CheckboxGroup } from "~/components/ui/field";

export interface StaffCandidate {
  id: string;
  displayName: string;
  roles: string[];
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
  const options = (role: string) =>
    candidates.filter((c) => c.roles.includes(role)).map((c) => ({ value: c.id, label: c.displayName }));
  return (
    <>
      <CheckboxGroup
        legend={t("academy.facilitators")}
        name="facilitatorIds"
        options={options("facilitator")}
        defaultChecked={facilitatorIds}
        error={errorFor("facilitatorIds")}
      />
      <CheckboxGroup
        legend={t("academy.coordinators")}
        name="coordinatorIds"
        options={options("coordinator")}
        defaultChecked={coordinatorIds}
        error={errorFor("coordinatorIds")}
      />
    </>
  );
}
