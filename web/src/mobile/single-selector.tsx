import { Selector, type SelectorProps } from 'antd-mobile';

/**
 * A one-choice antd-mobile Selector as a form control: tapping the chosen option again keeps it chosen (a plain
 * Selector would clear it), so a required choice cannot be lost by a second tap.
 */
export function SingleSelector<V extends string>({ onChange, ...props }: Omit<SelectorProps<V>, 'multiple'>) {
  return <Selector<V> {...props} onChange={(next, extend) => next.length > 0 && onChange?.(next, extend)} />;
}
