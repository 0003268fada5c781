import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

/** Label, control, hint and the API's message for this field, in the dashboard's form layout. */
export const FormField = ({
  id,
  label,
  optional,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  optional?: boolean
  hint?: ReactNode
  error?: string
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {hint && !error && <Hint>{hint}</Hint>}
    {error && (
      <Hint variant="error" id={`${id}-error`} data-testid={`${id}-error`}>
        {error}
      </Hint>
    )}
  </div>
)
