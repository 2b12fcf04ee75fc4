// What trainer mode shows around the canvas, shared by its panels: the side tab open, presentation
// mode, and the nodes under discussion (highlighted on the canvas, whatever tab put them there).
import { createStore, type StoreApi } from 'zustand/vanilla';

export const trainerTabs = ['lesson', 'follow', 'explain'] as const;
export type TrainerTab = (typeof trainerTabs)[number];

export interface TrainerState {
  tab: TrainerTab;
  /** Panels hidden, large type, high contrast. */
  presenting: boolean;
  /** Node ids highlighted on the canvas (the ones being discussed). */
  focus: readonly string[];
  /** The lesson step shown (0-based), shared by the lesson tab and the presentation caption. */
  lessonStep: number;
  /** Pixels the presentation caption covers at the bottom of the canvas (0 when it is not shown). */
  captionHeight: number;
  setTab(tab: TrainerTab): void;
  setPresenting(presenting: boolean): void;
  setFocus(nodeIds: readonly string[]): void;
  setLessonStep(index: number): void;
  setCaptionHeight(pixels: number): void;
}

export type TrainerStore = StoreApi<TrainerState>;

export function createTrainerStore(initial: Partial<Pick<TrainerState, 'tab' | 'presenting'>> = {}): TrainerStore {
  return createStore<TrainerState>()((set) => ({
    tab: initial.tab ?? 'lesson',
    presenting: initial.presenting ?? false,
    focus: [],
    lessonStep: 0,
    captionHeight: 0,
    setTab: (tab) => set({ tab }),
    setPresenting: (presenting) => set({ presenting }),
    setFocus: (focus) => set({ focus }),
    setLessonStep: (lessonStep) => set({ lessonStep }),
    setCaptionHeight: (captionHeight) => set({ captionHeight }),
  }));
}
