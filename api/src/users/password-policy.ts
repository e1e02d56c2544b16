import { registerDecorator, type ValidationArguments } from 'class-validator';
import { passwordProblem } from '../../../domain/src';

/** class-validator form of the policy; compares with the object's `email` field when it has one. */
export function IsAcceptablePassword(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          typeof value === 'string' && passwordProblem(value, (args.object as { email?: unknown }).email) === null,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} ${typeof args.value === 'string' ? passwordProblem(args.value, (args.object as { email?: unknown }).email) : 'must be a string'}`,
      },
    });
}
