// The app imports the package root, which registers both elements.
import {MiliaFaq, MiliaInfo} from 'milia-widgets';

window.miliaApp = {MiliaInfo, MiliaFaq};
