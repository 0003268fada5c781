import { Select } from "@medusajs/ui"
import type { ReactNode } from "react"
import { FormField } from "./form-field"

export type SelectOption<V extends string = string> = { value: V; label: ReactNode }

/** One option a value, labelled from a lookup table (e.g. an enum's display names). */
export const optionsOf = <V extends string>(values: readonly V[], labels: Record<V, ReactNode>): SelectOption<V>[] =>
  values.map((value) => ({ value, label: labels[value] }))

type SelectInputProps<V extends string> = {
  id: string
  value: V | undefined
  onValueChange: (value: V) => void
  options: readonly SelectOption<V>[]
  placeholder?: string
  disabled?: boolean
  /** Sets aria-invalid on the trigger; left off the trigger when undefined. */
  invalid?: boolean
}

/** A @medusajs/ui Select whose trigger carries `id` (the label's target), listing `options`. */
export const SelectInput = <V extends string>({ id, value, onValueChange, options, placeholder, disabled, invalid }: SelectInputProps<V>) => (
  <Select value={value} onValueChange={(v) => onValueChange(v as V)} disabled={disabled}>
    <Select.Trigger id={id} aria-invalid={invalid}>
      <Select.Value placeholder={placeholder} />
    </Select.Trigger>
    <Select.Content>
      {options.map((o) => (
        <Select.Item key={o.value} value={o.value}>
          {o.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)

/** A labelled Select in the dashboard's form layout: `FormField` around `SelectInput`. */
export const SelectField = <V extends string>({
  label,
  optional,
  hint,
  error,
  ...select
}: SelectInputProps<V> & { label: string; optional?: boolean; hint?: ReactNode; error?: string }) => (
  <FormField id={select.id} label={label} optional={optional} hint={hint} error={error}>
    <SelectInput {...select} />
  </FormField>
)
