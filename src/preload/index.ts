// The preload of the main window (sandboxed, context-isolated): exposes window.desk, the
// contract over IPC. Never exposes ipcRenderer or any Electron object itself.
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '@shared/ipcChannels';
import { createDesk } from './desk';

const desk = createDesk({
  invoke: (method, input) => ipcRenderer.invoke(CALL_CHANNEL, method, input),
  subscribe: (listener) => {
    ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => listener(name, payload));
  },
});

contextBridge.exposeInMainWorld('desk', desk);
