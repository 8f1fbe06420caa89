/** A value of a synthesized CloudFormation template. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface IntrinsicRefs {
  /** The value of `Fn::GetAtt [logicalId, attribute]`. */
  getAtt(logicalId: string, attribute: string): string;
  /** The value of `Ref logicalId` for a resource; without it, only pseudo parameters resolve. */
  ref?(logicalId: string): string;
  /** Pseudo parameters besides `AWS::Partition` (always `aws`), e.g. `AWS::Region`. */
  pseudo?: Record<string, string>;
}

/**
 * Resolves the intrinsic functions CDK leaves in ARNs and in a state machine's DefinitionString
 * (Fn::Join, Fn::GetAtt and Ref) to a plain string, for the local runtime's copy of the workflow and for
 * the infrastructure tests. Anything else is refused rather than guessed.
 */
export const resolveIntrinsics = (value: Json, refs: IntrinsicRefs): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const join = value['Fn::Join'];
    if (Array.isArray(join)) {
      const [separator, parts] = join as [string, Json[]];
      return parts.map((part) => resolveIntrinsics(part, refs)).join(separator);
    }
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return refs.getAtt(String(getAtt[0]), String(getAtt[1]));
    const ref = value.Ref;
    if (typeof ref === 'string') {
      const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', ...refs.pseudo };
      if (ref in pseudo) return pseudo[ref] as string;
      if (refs.ref && !ref.startsWith('AWS::')) return refs.ref(ref);
    }
  }
  throw new Error(`Cannot resolve ${JSON.stringify(value)}`);
};
