import { ENUMS, type EnumName } from '../../../domain/src';

/** Choices for react-admin's SelectInput / SelectField; the name is a translation key (`enums.<name>.<value>`). */
export const choices = <N extends EnumName>(name: N, only?: readonly string[]) =>
  ENUMS[name].filter((id) => !only || only.includes(id)).map((id) => ({ id, name: enumLabelKey(name, id) }));

export const enumLabelKey = (name: EnumName, value: string): string => `enums.${name}.${value}`;
