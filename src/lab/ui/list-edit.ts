/** Adding to or removing from one of the design's lists (field paths as the validator names them). */
export type ListPath = 'paths' | 'l7.rules' | 'pools' | 'faults';
export type ListEdit = (op: 'add' | 'remove', list: ListPath, index?: number) => void;
