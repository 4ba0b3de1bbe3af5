/** The sidebar's entry: mounts the app. */
import { render } from 'preact';
import { App } from './app';

render(<App />, document.getElementById('app')!);
