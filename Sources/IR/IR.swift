// IR: Mirage's intermediate representation.
//
// A translated block is a straight list of `Op`s over typed virtual registers (`Value`s). Guest
// registers are not IR values: they live in the guest-state block and are read and written with
// `loadState`/`storeState`, so every frontend and backend agrees on where they are. Control flow
// inside a block is forward and backward branches to `Label`s; a block leaves through one of the
// terminal ops (`gotoTB`, `lookupAndGoto`, `exitTB`). Documentation/IR.md gives each op's exact
// semantics; `IRInterpreter` is the executable definition.
//
// The module knows nothing of any guest or host: frontends build blocks with `IRBuilder`,
// backends consume `Block`s.
