// Merge shim (lint branch): `catalog` renamed its lock helper `LockedBox` → `CatalogLockedState`
// after `rules` merged it; `rules` still says `LockedBox`. Delete this file once `rules` merges the
// newer `catalog` and defines or renames its own helper.
typealias LockedBox = CatalogLockedState
