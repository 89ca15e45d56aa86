// The updater's state: read once, then replaced by each `updateState` event the core pushes.
import { useEffect, useState } from 'react';
import type { UpdateState } from '@shared/updates';
import { useDesk } from '../../app/deskContext';

export function useUpdateState(): UpdateState | undefined {
  const desk = useDesk();
  const [state, setState] = useState<UpdateState | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const off = desk.on('updateState', (next) => setState(next));
    desk.getUpdateState({}).then(
      (current) => live && setState((seen) => seen ?? current),
      () => {},
    );
    return () => {
      live = false;
      off();
    };
  }, [desk]);
  return state;
}
