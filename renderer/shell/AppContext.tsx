import { createContext, useContext } from 'react';
import type { AppInfo, GardeApi } from '../../app/ipc/contract';

/** What every screen may use: the bridge to main and what main said about itself. */
export interface AppServices {
  api: GardeApi;
  appInfo: AppInfo;
}

export const AppContext = createContext<AppServices | undefined>(undefined);

/** The app services; throws outside the provider. */
export function useAppServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useAppServices outside AppContext');
  return services;
}
