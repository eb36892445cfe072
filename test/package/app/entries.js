// The app imports one entry per element.
import {MiliaInfo} from 'milia-widgets/milia-info.js';
import {MiliaFaq} from 'milia-widgets/milia-faq.js';
import './app-element.js';

window.miliaApp = {MiliaInfo, MiliaFaq};
