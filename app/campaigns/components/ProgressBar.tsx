import { formatMoneyShort } from "~/utils/money";

/** Raised against goal, as a bar with its figures in words for screen readers. */
export function ProgressBar({ raised, goal, currency, donors }: { raised: number; goal: number; currency: string; donors: number }) {
  const percent = goal > 0 ? Math.min(100, Math.floor((raised * 100) / goal)) : 0;
  const label = `${formatMoneyShort(raised, currency)} raised of ${formatMoneyShort(goal, currency)} goal`;
  return (
    <div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% of the goal`}
        className="h-3 w-full overflow-hidden rounded-full bg-brand-100"
      >
        <div className="h-full rounded-full bg-accent-600" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-2 text-sm text-slate-700">
        <span className="text-base font-semibold text-slate-900" data-testid="raised">
          {formatMoneyShort(raised, currency)}
        </span>{" "}
        raised of {formatMoneyShort(goal, currency)} goal · {donors} {donors === 1 ? "donor" : "donors"}
      </p>
    </div>
  );
}
