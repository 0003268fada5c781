import { Button, Drawer } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A drawer form's Cancel (closes the drawer) and submit buttons, for inside `Drawer.Footer`. */
export const DrawerFormActions = ({
  isPending,
  submitTestId,
  cancelDisabled,
  children,
}: {
  isPending: boolean
  submitTestId: string
  cancelDisabled?: boolean
  /** The submit button's text. */
  children: ReactNode
}) => (
  <>
    <Drawer.Close asChild>
      <Button size="small" variant="secondary" type="button" disabled={cancelDisabled}>
        Cancel
      </Button>
    </Drawer.Close>
    <Button size="small" type="submit" isLoading={isPending} data-testid={submitTestId}>
      {children}
    </Button>
  </>
)
