import { Form } from "@remix-run/react";

import { Input, Select, TextArea } from "~/components/ui/Input";
import { LABEL_CLASS } from "~/components/ui/Field";
import { useT } from "~/i18n/language-context";
import type { RecurringGiftView } from "~/portal/portal-view.server";

const BUTTON = "rounded-md bg-brand-700 px-4 py-2 font-bold text-white hover:bg-brand-800";
const QUIET_BUTTON = "rounded-md border border-slate-400 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50";

/** Hidden fields every change form carries: what it does, to which gift, and the page's form key. */
function Hidden({ intent, gift, formKey }: { intent: string; gift: string; formKey: string }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="gift" value={gift} />
      <input type="hidden" name="key" value={formKey} />
    </>
  );
}

/** One recurring gift: what it is, when it next charges, and a plain form for each change. */
export function RecurringGiftCard({ gift, formKey, canUpdateCard }: { gift: RecurringGiftView; formKey: string; canUpdateCard: boolean }) {
  const id = (name: string) => `${name}-${gift.id}`;
  const { t } = useT();
  return (
    <article className="rounded-lg border border-slate-200 p-4" aria-labelledby={id("title")} data-testid="recurring-gift">
      <h3 id={id("title")} className="font-semibold text-slate-900">
        {gift.line}
      </h3>
      {gift.coveredFee ? <p className="text-sm text-slate-600">{gift.coveredFee}</p> : null}
      <p className="mt-1 text-slate-700">
        <span data-testid="recurring-status">{gift.status}</span>
        {gift.when ? <> · {gift.when}</> : null}
      </p>
      {gift.running ? (
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <Form method="post" className="space-y-2">
            <fieldset>
              <legend className={LABEL_CLASS}>{t("portal.changeAmountLegend")}</legend>
              <label htmlFor={id("amount")} className="mt-2 block text-sm text-slate-700">
                {t("portal.newAmountLabel", { currency: gift.currency })}
              </label>
              <Input
                id={id("amount")}
                name="amount"
                inputMode="decimal"
                defaultValue={gift.amountInput}
                aria-describedby={id("amount-hint")}
              />
              <p id={id("amount-hint")} className="mt-1 text-sm text-slate-600">
                {t("portal.changeAmountHint")}
              </p>
            </fieldset>
            <Hidden intent="amount" gift={gift.id} formKey={formKey} />
            <button type="submit" className={BUTTON}>
              {t("portal.changeAmountButton")}
            </button>
          </Form>

          {gift.paused ? (
            <Form method="post">
              <Hidden intent="resume" gift={gift.id} formKey={formKey} />
              <button type="submit" className={BUTTON}>
                {t("portal.resumeButton")}
              </button>
            </Form>
          ) : (
            <Form method="post" className="space-y-2">
              <fieldset>
                <legend className={LABEL_CLASS}>{t("portal.pauseLegend")}</legend>
                <label htmlFor={id("months")} className="mt-2 block text-sm text-slate-700">
                  {t("portal.pauseMonthsLabel")}
                </label>
                <Select id={id("months")} name="months" defaultValue="1">
                  {[1, 2, 3].map((months) => (
                    <option key={months} value={String(months)}>
                      {t("portal.pauseMonths", { count: months })}
                    </option>
                  ))}
                </Select>
              </fieldset>
              <Hidden intent="pause" gift={gift.id} formKey={formKey} />
              <button type="submit" className={QUIET_BUTTON}>
                {t("portal.pauseButton")}
              </button>
            </Form>
          )}

          {canUpdateCard ? (
            <Form method="post" className="space-y-2">
              <input type="hidden" name="intent" value="card" />
              <p className="text-sm text-slate-600">{t("portal.cardHint")}</p>
              <button type="submit" className={QUIET_BUTTON}>
                {t("portal.cardButton")}
              </button>
            </Form>
          ) : null}

          <Form method="post" className="space-y-2">
            <fieldset>
              <legend className={LABEL_CLASS}>{t("portal.cancelLegend")}</legend>
              <label htmlFor={id("reason")} className="mt-2 block text-sm text-slate-700">
                {t("portal.cancelReasonLabel")}
              </label>
              <TextArea id={id("reason")} name="reason" rows={2} maxLength={500} />
            </fieldset>
            <Hidden intent="cancel" gift={gift.id} formKey={formKey} />
            <button type="submit" className="rounded-md border border-red-700 px-4 py-2 font-bold text-red-800 hover:bg-red-50">
              {t("portal.cancelButton")}
            </button>
          </Form>
        </div>
      ) : null}
    </article>
  );
}
