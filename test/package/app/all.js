// The app imports the package root, which registers both elements.
import {MiliaFaq, MiliaInfo} from 'milia-widgets';
import './app-element.js';

window.miliaApp = {MiliaInfo, MiliaFaq};
